import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS, IMPORT_KINDS, type ImportKind } from '../../shared/domain/import';
import { HEADER_SYNONYMS, guessKind, matchHeaders, normalizeHeader, unitOfHeader } from '../../electron/services/import/headers';

/** The header lines of the files in data/messy/, decoded (cp1251, GBK, UTF-8 with BOM) and copied here. */
const MESSY = {
  broken_orders: 'customer_id,order_date,amount,cost'.split(','),
  cafe_fa_jalali: 'کد مشتری,تاریخ,محصول,تعداد,مبلغ (ریال),هزینه (ریال)'.split(','),
  customers_bg: 'ИД,Фирма,Регион,Отрасъл,Канал на привличане,Дата на привличане,Разход за привличане (лв.)'.split(','),
  retail_ro_bom: '\uFEFFCod client;Nume;Data;Produs;Cantitate;Valoare;Cost;Oraș'.split(';'),
  shop_ru_cp1251: 'Клиент;Дата;Товар;Кол-во;Сумма;Себестоимость;Канал'.split(';'),
  wholesale_zh_gbk: '客户编号,客户名称,下单日期,产品,数量,金额(元),成本(元)'.split(','),
};

describe('header normalisation', () => {
  it('ignores case, punctuation, spacing, diacritics and a trailing unit', () => {
    expect(normalizeHeader('Customer_ID')).toBe('customerid');
    expect(normalizeHeader(' customer id ')).toBe('customerid');
    expect(normalizeHeader('Сумма (руб.)')).toBe('сумма');
    expect(normalizeHeader('Сумма, руб.')).toBe('сумма');
    expect(normalizeHeader('金额(元)')).toBe('金额');
    expect(normalizeHeader('金额（元）')).toBe('金额');
    expect(normalizeHeader('Oraș')).toBe(normalizeHeader('Oraş'));
    expect(normalizeHeader('Oraș')).toBe('oras');
    expect(normalizeHeader('\uFEFFCod client')).toBe('codclient');
  });

  it('treats Arabic and Persian letter variants, ZWNJ and tatweel alike', () => {
    expect(normalizeHeader('كد مشتري')).toBe(normalizeHeader('کد مشتری'));
    expect(normalizeHeader('دسته‌بندی')).toBe(normalizeHeader('دسته بندی'));
    expect(normalizeHeader('مبـلغ')).toBe(normalizeHeader('مبلغ'));
  });
});

describe('unitOfHeader', () => {
  it('finds the currency or unit written after a header', () => {
    expect(unitOfHeader('مبلغ (ریال)')).toBe('ریال');
    expect(unitOfHeader('مبلغ (تومان)')).toBe('تومان');
    expect(unitOfHeader('Разход за привличане (лв.)')).toBe('лв.');
    expect(unitOfHeader('Сумма (руб.)')).toBe('руб.');
    expect(unitOfHeader('Сумма, руб.')).toBe('руб.');
    expect(unitOfHeader('金额(元)')).toBe('元');
    expect(unitOfHeader('金额（元）')).toBe('元');
    expect(unitOfHeader('Amount (USD)')).toBe('USD');
    expect(unitOfHeader('Margin (%)')).toBe('%');
  });

  it('finds nothing when there is no unit', () => {
    expect(unitOfHeader('Valoare')).toBeNull();
    expect(unitOfHeader('Дата, время')).toBeNull();
    expect(unitOfHeader('Customer (as in the old CRM system)')).toBeNull();
    expect(unitOfHeader('')).toBeNull();
  });
});

describe('synonyms', () => {
  it('cover every field of every kind', () => {
    for (const kind of IMPORT_KINDS) {
      for (const field of Object.keys(IMPORT_FIELDS[kind])) expect(HEADER_SYNONYMS[field]?.length ?? 0, field).toBeGreaterThan(2);
    }
  });

  it('name one field only within a kind (product names aside, which also name products in transactions)', () => {
    for (const kind of IMPORT_KINDS) {
      const owner = new Map<string, string>();
      for (const field of Object.keys(IMPORT_FIELDS[kind])) {
        for (const synonym of HEADER_SYNONYMS[field] ?? []) {
          const key = normalizeHeader(synonym);
          const other = owner.get(key);
          if (other && other !== field && !(kind === 'products' && [other, field].sort().join() === 'name,productId')) {
            expect.fail(`${kind}: "${synonym}" names both ${other} and ${field}`);
          }
          owner.set(key, field);
        }
      }
    }
  });
});

describe('matchHeaders', () => {
  const NAMED: [kind: ImportKind, field: string, headers: string[]][] = [
    ['transactions', 'customerId', ['customer_id', 'customer', 'client', 'client id', 'cust id', 'Клиент', 'Код клиента', 'Покупатель', 'ИД', 'ID клиента', 'Клиент ID', 'Cod client', 'Client', 'ID client', '客户编号', '客户ID', '客户', 'كد مشتری', 'کد مشتری', 'شناسه مشتری', 'مشتری']],
    ['transactions', 'date', ['date', 'order_date', 'order date', 'Дата', 'Дата продажи', 'Data', '日期', '下单日期', '订单日期', 'تاریخ']],
    ['transactions', 'amount', ['amount', 'revenue', 'sales', 'total', 'net', 'Сумма', 'Выручка', 'Сума', 'Стойност', 'Valoare', 'Suma', 'Total', '金额', '金额(元)', '销售额', 'مبلغ', 'مبلغ (ریال)', 'مبلغ (تومان)']],
    ['transactions', 'cost', ['cost', 'cogs', 'Себестоимость', 'Себестойност', 'Cost', '成本', '成本(元)', 'هزینه', 'هزینه (ریال)']],
    ['transactions', 'quantity', ['qty', 'quantity', 'Кол-во', 'Количество', 'Cantitate', '数量', 'تعداد']],
    ['transactions', 'productId', ['product', 'item', 'sku', 'Товар', 'Номенклатура', 'Продукт', 'Produs', '商品', '产品', 'محصول', 'کالا']],
    ['transactions', 'customerName', ['customer name', 'name', 'Наименование клиента', 'Имя', 'Nume', '客户名称', 'نام مشتری', 'Фирма', 'Компания', 'Firma', '公司', 'شرکت']],
    ['transactions', 'region', ['region', 'city', 'Город', 'Регион', 'Град', 'Oraș', 'Oraş', 'Județ', '城市', '地区', 'شهر', 'منطقه']],
    ['transactions', 'channel', ['channel', 'Канал', 'Канал продаж', 'Канал на привличане', 'Canal', '渠道', 'کانال']],
    ['transactions', 'orderId', ['order id', 'Номер заказа', 'Nr. comandă', '订单号', 'شماره سفارش']],
    ['transactions', 'unitPrice', ['unit price', 'Цена', 'Preț unitar', '单价', 'قیمت واحد']],
    ['transactions', 'category', ['category', 'Категория', 'Categorie', '类别', 'دسته‌بندی']],
    ['transactions', 'marginRate', ['margin', 'margin %', 'Маржа', 'Marjă', '毛利率', 'حاشیه سود']],
    ['customers', 'name', ['name', 'customer name', 'Фирма', 'Компания', 'Firma', '公司', 'شرکت', 'Nume', '客户名称', 'نام مشتری']],
    ['customers', 'acquiredDate', ['acquisition date', 'first order', 'Дата на привличане', 'Дата привлечения', 'Data achiziției', '获客日期', 'تاریخ جذب']],
    ['customers', 'acquisitionCost', ['cac', 'acquisition cost', 'Разход за привличане (лв.)', 'Стоимость привлечения', 'Cost achiziție', '获客成本', 'هزینه جذب']],
    ['customers', 'industry', ['industry', 'Отрасъл', 'Отрасль', 'Industrie', '行业', 'صنعت']],
    ['customers', 'size', ['size', 'company size', 'Размер', 'Численность', 'Mărime', '规模', 'اندازه']],
    ['customers', 'age', ['age', 'Возраст', 'Възраст', 'Vârstă', '年龄', 'سن']],
    ['customers', 'income', ['income', 'Доход', 'Venit', '收入', 'درآمد']],
    ['customers', 'channel', ['acquisition channel', 'Канал на привличане', 'Канал привлечения', 'Canal', '获客渠道', 'کانال']],
    ['costs', 'kind', ['kind', 'type', 'cost type', 'Вид затрат', 'Тип разход', 'Tip cost', '费用类型', 'نوع هزینه']],
    ['costs', 'cost', ['cost', 'Затраты', 'Разход', 'Cost', '成本', 'هزینه']],
    ['marketing', 'date', ['month', 'period', 'Месяц', 'Период', 'Месец', 'Luna', 'Perioada', '月份', 'ماه', 'دوره']],
    ['marketing', 'spend', ['spend', 'ad spend', 'budget', 'Расходы на рекламу', 'Бюджет', 'Разходи за реклама', 'Buget', '广告费', 'هزینه تبلیغات']],
    ['marketing', 'newCustomers', ['new customers', 'Новые клиенты', 'Нови клиенти', 'Clienți noi', '新客户', 'مشتریان جدید']],
    ['products', 'productId', ['product', 'sku', 'Артикул', 'Cod produs', '商品编号', 'کد کالا']],
    ['prospects', 'prospectId', ['prospect id', 'lead id', 'lead', 'id', 'ИД', 'Лид', 'Потенциален клиент', 'ID prospect', '线索ID', 'شناسه سرنخ']],
  ];

  it('maps every named synonym, alone, to its field', () => {
    for (const [kind, field, headers] of NAMED) {
      for (const header of headers) expect(matchHeaders(kind, [header]), `${kind} ${header}`).toEqual([field]);
    }
  });

  it('maps the English broken_orders.csv', () => {
    expect(matchHeaders('transactions', MESSY.broken_orders)).toEqual(['customerId', 'date', 'amount', 'cost']);
  });

  it('maps the Persian cafe_fa_jalali.csv', () => {
    expect(matchHeaders('transactions', MESSY.cafe_fa_jalali)).toEqual(['customerId', 'date', 'productId', 'quantity', 'amount', 'cost']);
  });

  it('maps the Bulgarian customers_bg.csv', () => {
    expect(matchHeaders('customers', MESSY.customers_bg)).toEqual([
      'customerId',
      'name',
      'region',
      'industry',
      'channel',
      'acquiredDate',
      'acquisitionCost',
    ]);
  });

  it('maps the Romanian retail_ro_bom.csv', () => {
    expect(matchHeaders('transactions', MESSY.retail_ro_bom)).toEqual([
      'customerId',
      'customerName',
      'date',
      'productId',
      'quantity',
      'amount',
      'cost',
      'region',
    ]);
  });

  it('maps the Russian shop_ru_cp1251.csv', () => {
    expect(matchHeaders('transactions', MESSY.shop_ru_cp1251)).toEqual([
      'customerId',
      'date',
      'productId',
      'quantity',
      'amount',
      'cost',
      'channel',
    ]);
  });

  it('maps the Chinese wholesale_zh_gbk.csv', () => {
    expect(matchHeaders('transactions', MESSY.wholesale_zh_gbk)).toEqual([
      'customerId',
      'customerName',
      'date',
      'productId',
      'quantity',
      'amount',
      'cost',
    ]);
  });

  it('gives each field one column at most, exact matches first', () => {
    expect(matchHeaders('transactions', ['Customer Name', 'Customer ID', 'Date', 'Sales'])).toEqual(['customerName', 'customerId', 'date', 'amount']);
    expect(matchHeaders('transactions', ['Наименование клиента', 'Клиент', 'Дата', 'Сумма'])).toEqual(['customerName', 'customerId', 'date', 'amount']);
    expect(matchHeaders('transactions', ['amount', 'total', 'date', 'client'])).toEqual(['amount', null, 'date', 'customerId']);
    // The more specific synonym wins: "customer" is the id, the bare "id" is left alone.
    expect(matchHeaders('transactions', ['id', 'customer', 'date', 'amount'])).toEqual([null, 'customerId', 'date', 'amount']);
  });

  it('matches headers that contain a synonym', () => {
    expect(matchHeaders('transactions', ['Customer ID (CRM)', 'Invoice Date', 'Net Amount EUR', 'Unit purchase cost'])).toEqual(['customerId', 'date', 'amount', 'cost']);
    expect(matchHeaders('transactions', ['客户编号', '下单日期', '实付金额'])).toEqual(['customerId', 'date', 'amount']);
  });

  it('matches whole words only, and not shipping, tax or discounts as the amount or the cost of goods', () => {
    // "state" is no part of "Statement", "nume" no part of "Número"; shipping is no cost of goods.
    expect(matchHeaders('transactions', ['Customer ID', 'Payment date', 'Amount', 'Statement Descriptor', 'Shipping cost', 'Discount Amount', 'Costo de envío'])).toEqual([
      'customerId', 'date', 'amount', null, null, null, null,
    ]);
    expect(matchHeaders('transactions', ['Order ID', 'Transaction ID', 'Subtotal', 'Total', 'Customer Email', 'Date'])).toEqual(['orderId', null, null, 'amount', 'customerId', 'date']);
  });

  it('does not take a header that names another field as part of this one', () => {
    // "Дата на привличане" is an acquisition date, not a transaction date.
    expect(matchHeaders('transactions', MESSY.customers_bg)).toEqual(['customerId', 'customerName', 'region', null, 'channel', null, null]);
  });

  it('understands many languages', () => {
    expect(
      matchHeaders('transactions', ['Номер заказа', 'Дата продажи', 'Покупатель', 'Номенклатура', 'Количество', 'Цена', 'Сумма, руб.', 'Себестоимость, руб.']),
    ).toEqual(['orderId', 'date', 'customerId', 'productId', 'quantity', 'unitPrice', 'amount', 'cost']);
    expect(matchHeaders('transactions', ['Nr. comandă', 'Data', 'ID client', 'Produs', 'Preț unitar', 'Cantitate', 'Suma', 'Județ'])).toEqual([
      'orderId',
      'date',
      'customerId',
      'productId',
      'unitPrice',
      'quantity',
      'amount',
      'region',
    ]);
    expect(matchHeaders('transactions', ['订单号', '订单日期', '客户ID', '商品', '单价', '销售额', '城市', '渠道'])).toEqual([
      'orderId',
      'date',
      'customerId',
      'productId',
      'unitPrice',
      'amount',
      'region',
      'channel',
    ]);
    expect(matchHeaders('transactions', ['شماره سفارش', 'تاریخ', 'كد مشتري', 'نام مشتری', 'کالا', 'قیمت واحد', 'مبلغ (تومان)', 'شهر', 'کانال'])).toEqual([
      'orderId',
      'date',
      'customerId',
      'customerName',
      'productId',
      'unitPrice',
      'amount',
      'region',
      'channel',
    ]);
    expect(matchHeaders('customers', ['Cod client', 'Firma', 'Județ', 'Industrie', 'Canal', 'Data achiziției', 'Cost achiziție'])).toEqual([
      'customerId',
      'name',
      'region',
      'industry',
      'channel',
      'acquiredDate',
      'acquisitionCost',
    ]);
    expect(matchHeaders('customers', ['客户编号', '公司', '地区', '行业', '渠道', '获客日期', '获客成本'])).toEqual([
      'customerId',
      'name',
      'region',
      'industry',
      'channel',
      'acquiredDate',
      'acquisitionCost',
    ]);
    expect(matchHeaders('customers', ['شناسه مشتری', 'شرکت', 'منطقه', 'صنعت', 'کانال', 'تاریخ جذب', 'هزینه جذب'])).toEqual([
      'customerId',
      'name',
      'region',
      'industry',
      'channel',
      'acquiredDate',
      'acquisitionCost',
    ]);
    expect(matchHeaders('customers', ['Код клиента', 'Компания', 'Город', 'Отрасль', 'Дата привлечения', 'Стоимость привлечения', 'Возраст', 'Доход'])).toEqual([
      'customerId',
      'name',
      'region',
      'industry',
      'acquiredDate',
      'acquisitionCost',
      'age',
      'income',
    ]);
  });

  it('tells a product id from a product name in a products file', () => {
    expect(matchHeaders('products', ['product name', 'sku', 'category', 'margin %'])).toEqual(['name', 'productId', 'category', 'marginRate']);
    expect(matchHeaders('products', ['Артикул', 'Наименование', 'Категория', 'Маржа'])).toEqual(['productId', 'name', 'category', 'marginRate']);
    expect(matchHeaders('products', ['商品', '类别', '毛利率'])).toEqual(['productId', 'category', 'marginRate']);
  });
});

describe('guessKind', () => {
  it('recognises each of the messy files', () => {
    expect(guessKind(MESSY.broken_orders)).toMatchObject({ kind: 'transactions', complete: true, score: 4 });
    expect(guessKind(MESSY.cafe_fa_jalali)).toMatchObject({ kind: 'transactions', complete: true, score: 6 });
    expect(guessKind(MESSY.customers_bg)).toMatchObject({ kind: 'customers', complete: true, score: 7 });
    expect(guessKind(MESSY.retail_ro_bom)).toMatchObject({ kind: 'transactions', complete: true, score: 8 });
    expect(guessKind(MESSY.shop_ru_cp1251)).toMatchObject({ kind: 'transactions', complete: true, score: 7 });
    expect(guessKind(MESSY.wholesale_zh_gbk)).toMatchObject({ kind: 'transactions', complete: true, score: 7 });
  });

  it('takes quantity and unit price for an amount', () => {
    expect(guessKind(['Client', 'Data', 'Cantitate', 'Preț unitar'])).toMatchObject({ kind: 'transactions', complete: true });
  });

  it('recognises customers, costs, products, marketing and prospects', () => {
    expect(guessKind(['Customer', 'Name', 'City', 'Acquisition date', 'CAC']).kind).toBe('customers');
    expect(guessKind(['customer_id']).kind).toBe('customers');
    expect(guessKind(['customer id', 'date', 'cost', 'type']).kind).toBe('costs');
    expect(guessKind(['Дата', 'Клиент', 'Вид затрат', 'Сумма']).kind).toBe('costs');
    expect(guessKind(['sku', 'product name', 'category', 'margin %']).kind).toBe('products');
    expect(guessKind(['channel', 'month', 'spend', 'new customers']).kind).toBe('marketing');
    expect(guessKind(['Date', 'Campaign', 'Cost', 'Conversions']).kind).toBe('marketing');
    expect(guessKind(['Канал', 'Месяц', 'Расходы на рекламу', 'Новые клиенты']).kind).toBe('marketing');
    expect(guessKind(['lead_id', 'name', 'region', 'industry', 'size']).kind).toBe('prospects');
  });

  it('prefers transactions when a file has customer, date, amount and cost', () => {
    expect(guessKind(['customer', 'date', 'amount', 'cost', 'region']).kind).toBe('transactions');
  });

  it('scores data rows far below header rows', () => {
    expect(guessKind(['C2', '2022-01-06', '80.98', '48.59'])).toEqual({ kind: 'transactions', score: 0, complete: false });
    expect(guessKind(['К-00002', '03.01.2022', 'Кофе зерновой 1 кг', '2', '2 645,33', '1 640,10', 'Сайт']).score).toBe(0);
    expect(guessKind([]).score).toBe(0);
  });
});
