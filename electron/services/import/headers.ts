/**
 * Column headers to fields: which column is the customer id, the date, the amount … in files
 * written in English, Russian, Bulgarian, Romanian, Chinese (Simplified) or Persian, and which kind
 * of file (transactions, customers, …) a header row describes.
 *
 * Matching ignores case, punctuation, spacing, diacritics (ș/ş, ё), a trailing unit in parentheses
 * ("(руб.)", "(元)", "（元）", "(ریال)") or after a comma ("Сумма, руб."), Arabic vs Persian
 * yeh/kaf (ي/ی, ك/ک), ZWNJ and tatweel. A header equal to a synonym is an exact match; a header
 * containing a synonym (4+ letters, or 2+ Chinese characters) is a partial one. Exact beats partial,
 * longer (more specific) synonyms beat shorter ones, and each field takes one column at most.
 */
import { IMPORT_FIELDS, IMPORT_KINDS, type FieldName, type ImportKind } from '../../../shared/domain/import';
import { MORE_HEADER_SYNONYMS } from './header-words';
import { isCurrencyToken } from './values/numbers';

/** Synonyms of every field, by field name (a field of the same name means the same in every kind). */
export const HEADER_SYNONYMS: Record<string, readonly string[]> = {
  customerId: [
    // English
    'customer_id', 'customer id', 'customer', 'customer code', 'customer no', 'customer number', 'customer key',
    'customer ref', 'client', 'client id', 'client code', 'client no', 'client number', 'cust id', 'cust', 'cust no',
    'custno', 'customerid', 'clientid', '~account', '~account id', '~account number', 'buyer', 'buyer id', 'member id',
    'contact id', '~id', 'email', 'e-mail', 'email address', 'customer email', 'buyer email', 'client email',
    // Russian
    'Клиент', 'Код клиента', 'Покупатель', 'Код покупателя', 'ИД', 'ID клиента', 'Клиент ID', 'ИД клиента',
    'Номер клиента', 'Контрагент', 'Код контрагента', 'Клиент код', 'Код', 'Лицевой счет',
    // Bulgarian
    'Код на клиент', 'Клиентски номер', 'Номер на клиент', 'ИД на клиент', 'ЕИК', 'Купувач',
    // Romanian
    'Cod client', 'Client', 'ID client', 'Nr. client', 'Număr client', 'Cod', 'Cumpărător', 'CUI',
    // Chinese
    '客户编号', '客户ID', '客户', '客户代码', '客户号', '客户编码', '会员ID', '会员编号', '会员号', '买家', '买家ID',
    // Persian
    'کد مشتری', 'شناسه مشتری', 'مشتری', 'شماره مشتری', 'کد', 'شناسه', 'خریدار', 'کد خریدار',
  ],
  date: [
    'date', 'order_date', 'order date', 'invoice date', 'transaction date', 'sale date', 'sales date', 'purchase date',
    'payment date', 'document date', 'posting date', 'day', 'timestamp', 'datetime', 'period', 'month', 'week',
    'Дата', 'Дата продажи', 'Дата заказа', 'Дата документа', 'Дата покупки', 'Дата операции', 'Дата оплаты',
    'Период', 'Месяц', 'Дата на продажба', 'Дата на поръчка', 'Дата на фактура', 'Месец',
    'Data', 'Data comenzii', 'Data vânzării', 'Data facturii', 'Data tranzacției', 'Perioada', 'Luna',
    '日期', '下单日期', '订单日期', '销售日期', '交易日期', '开票日期', '付款日期', '月份', '期间', '时间', '下单时间',
    'تاریخ', 'تاریخ سفارش', 'تاریخ فروش', 'تاریخ فاکتور', 'تاریخ خرید', 'ماه', 'دوره',
  ],
  amount: [
    'amount', 'revenue', 'sales', 'total', 'net', 'net amount', 'net revenue', 'net sales', 'net total', 'sum',
    'value', 'order total', 'order value', 'order amount', 'line total', 'line amount', '~subtotal', '~gross',
    'turnover', 'sales amount', 'sale amount', 'invoice amount', 'total amount', 'price total', 'paid', 'amount paid',
    'Сумма', 'Выручка', 'Сумма продажи', 'Сумма заказа', 'Сумма без НДС', 'Сумма с НДС', 'Стоимость', 'Оборот',
    'Продажи', 'Доход от продаж',
    'Сума', 'Стойност', 'Оборот', 'Продажби', 'Приход', 'Обща сума', 'Сума без ДДС',
    'Valoare', 'Suma', 'Total', 'Valoare totală', 'Vânzări', 'Încasări', 'Valoare netă', 'Sumă',
    '金额', '金额(元)', '销售额', '总额', '总金额', '营业额', '实收金额', '订单金额', '销售金额', '成交金额', '应收金额',
    'مبلغ', 'مبلغ (ریال)', 'مبلغ (تومان)', 'مبلغ کل', 'فروش', 'مبلغ فروش', 'جمع', 'جمع کل', 'مبلغ فاکتور',
  ],
  cost: [
    'cost', 'cogs', 'cost of goods', 'cost of goods sold', 'cost of sales', 'purchase cost', 'product cost',
    'total cost', 'costs', 'expense', 'expenses', 'cost to serve', 'cost amount',
    'Себестоимость', 'Затраты', 'Издержки', 'Расходы', 'Стоимость обслуживания', 'Закупочная стоимость',
    'Себестойност', 'Разход', 'Разходи', 'Цена на придобиване',
    'Cost', 'Costuri', 'Cost bunuri', 'Cost de achiziție marfă', 'Cheltuieli',
    '成本', '成本(元)', '进货成本', '采购成本', '销售成本', '费用', '成本金额',
    'هزینه', 'هزینه (ریال)', 'بهای تمام شده', 'قیمت تمام شده', 'هزینه کالا',
  ],
  marginRate: [
    'margin', 'margin %', 'margin rate', 'margin percent', 'gross margin', 'gross margin %', 'margin pct', 'gm',
    'gm %', 'profit margin',
    'Маржа', 'Маржа %', 'Маржинальность', 'Рентабельность', 'Норма прибыли', 'Процент маржи',
    'Марж', 'Марж %', 'Надценка %', 'Рентабилност',
    'Marjă', 'Marja', 'Marjă %', 'Marjă brută', 'Adaos %',
    '毛利率', '利润率', '毛利%', '利润率%',
    'حاشیه سود', 'درصد سود', 'نرخ سود', 'درصد حاشیه سود',
  ],
  quantity: [
    'qty', 'quantity', 'units', 'unit count', 'count', 'pcs', 'pieces', 'volume', 'items', 'number of items', 'amount of items',
    'Кол-во', 'Количество', 'Кол', 'Шт', 'Штук', 'Число', 'Брой', 'Количество бр', 'Бр',
    'Cantitate', 'Buc', 'Bucăți', 'Cant', 'Cant.',
    '数量', '件数', '销量', '销售数量',
    'تعداد', 'مقدار', 'تعداد کالا',
  ],
  unitPrice: [
    'unit price', 'price', 'price per unit', 'unit cost price', 'list price', 'sale price', 'selling price', 'rate',
    'Цена', 'Цена за единицу', 'Цена за ед', 'Цена за шт', 'Цена продажи',
    'Единична цена', 'Цена на единица', 'Продажна цена',
    'Preț unitar', 'Pret unitar', 'Preț', 'Pret', 'Preț vânzare',
    '单价', '价格', '售价', '销售单价',
    'قیمت واحد', 'قیمت', 'فی', 'قیمت فروش',
  ],
  productId: [
    'product', 'product id', 'product code', 'product_id', 'item', 'item id', 'item code', 'item no', 'sku', 'article',
    'article no', 'goods', 'material', 'model', 'product name', 'item name',
    'Товар', 'Номенклатура', 'Продукт', 'Артикул', 'Код товара', 'Наименование товара', 'Товары', 'Продукция', 'Услуга',
    'Стока', 'Код на продукт', 'Код на стока', 'Наименование на стока', 'Артикул №', 'Продукти',
    'Produs', 'Articol', 'Cod produs', 'Cod articol', 'Denumire produs', 'Produse', 'Serviciu',
    '商品', '产品', '商品编号', '产品编号', '商品名称', '产品名称', '货号', '物料', '物料编码', '品名', 'SKU',
    'محصول', 'کالا', 'کد کالا', 'کد محصول', 'شناسه محصول', 'نام کالا', 'نام محصول', 'شرح کالا',
  ],
  category: [
    'category', 'product category', 'group', 'product group', 'product line', 'family', 'department', 'class',
    'Категория', 'Группа', 'Группа товаров', 'Категория товара', 'Вид товара',
    'Група', 'Категория на продукт', 'Продуктова група',
    'Categorie', 'Grupa', 'Grupă', 'Categorie produs', 'Familie',
    '类别', '品类', '分类', '类目', '商品类别', '产品类别', '商品分类',
    'دسته', 'دسته‌بندی', 'دسته بندی', 'گروه', 'گروه کالا', 'طبقه',
  ],
  orderId: [
    'order id', 'order', 'order number', 'order no', 'order_id', 'invoice', 'invoice id', 'invoice number', 'invoice no',
    '~receipt', '~receipt no', '~transaction id', 'document', 'document no', 'doc no',
    'Номер заказа', 'Заказ', '№ заказа', 'Номер документа', 'Документ', 'Чек', 'Номер чека', 'Накладная', 'Счет',
    'Номер поръчка', 'Поръчка', 'Фактура', 'Номер на фактура', '№ на поръчка',
    'Nr. comandă', 'Comanda', 'Comandă', 'Număr comandă', 'Factura', 'Factură', 'Nr. factură', 'Nr. document', 'Bon',
    '订单号', '订单编号', '单号', '发票号', '单据号', '订单',
    'شماره سفارش', 'سفارش', 'شماره فاکتور', 'فاکتور', 'شماره رسید', 'کد سفارش',
  ],
  channel: [
    'channel', 'sales channel', 'source', 'acquisition channel', 'lead source', 'medium', 'utm source', 'campaign',
    'marketing channel',
    'Канал', 'Канал продаж', 'Источник', 'Канал привлечения', 'Источник привлечения', 'Кампания',
    'Канал на привличане', 'Канал на продажба', 'Източник', 'Кампания',
    'Canal', 'Canal de vânzare', 'Canal vânzare', 'Canal achiziție', 'Sursa', 'Sursă', 'Campanie',
    '渠道', '销售渠道', '来源', '获客渠道', '推广渠道', '客户来源', '活动',
    'کانال', 'کانال فروش', 'منبع', 'کانال جذب', 'کمپین', 'منبع جذب',
  ],
  customerName: [
    'customer name', 'client name', 'name', 'full name', 'company', 'company name', 'account name', 'buyer name',
    'Наименование клиента', 'Имя', 'Имя клиента', 'ФИО', 'Клиент наименование', 'Название клиента', 'Фирма',
    'Компания', 'Организация', 'Контрагент наименование',
    'Име', 'Име на клиент', 'Фирма', 'Компания', 'Наименование на клиент',
    'Nume', 'Nume client', 'Denumire client', 'Firma', 'Firmă', 'Companie', 'Nume și prenume',
    '客户名称', '客户名', '姓名', '公司', '公司名称', '客户姓名', '会员名',
    'نام مشتری', 'نام', 'نام و نام خانوادگی', 'شرکت', 'نام شرکت', 'نام خریدار',
  ],
  name: [
    'name', 'customer name', 'client name', 'full name', 'company', 'company name', 'title', 'lead name', 'prospect name',
    'product name', 'item name', 'account name',
    'Наименование', 'Название', 'Наименование клиента', 'Имя', 'ФИО', 'Фирма', 'Компания', 'Организация',
    'Наименование товара',
    'Име', 'Име на клиент', 'Наименование на клиент', 'Фирма', 'Компания',
    'Nume', 'Denumire', 'Nume client', 'Firma', 'Firmă', 'Companie', 'Denumire produs',
    '名称', '客户名称', '姓名', '公司', '公司名称', '商品名称', '产品名称', '品名',
    'نام', 'نام مشتری', 'شرکت', 'نام شرکت', 'نام کالا', 'نام محصول', 'عنوان',
  ],
  region: [
    'region', 'city', 'area', 'state', 'province', 'territory', 'location', 'country', 'district', 'zone', 'town',
    'Город', 'Регион', 'Область', 'Район', 'Населенный пункт', 'Страна', 'Территория',
    'Град', 'Регион', 'Област', 'Населено място', 'Държава',
    'Oraș', 'Oraş', 'Județ', 'Judeţ', 'Regiune', 'Localitate', 'Zona', 'Țara',
    '城市', '地区', '区域', '省份', '省', '市', '所在地', '大区',
    'شهر', 'منطقه', 'استان', 'ناحیه', 'کشور',
  ],
  acquiredDate: [
    'acquisition date', 'acquired', 'acquired date', 'acquired on', 'first order', 'first order date', 'first purchase',
    'first purchase date', 'signup date', 'sign up date', 'registration date', 'registered', 'customer since',
    'created', 'created at', 'join date', 'joined', 'start date', 'since',
    'Дата привлечения', 'Дата регистрации', 'Дата первой покупки', 'Дата первого заказа', 'Клиент с', 'Дата создания',
    'Дата на привличане', 'Дата на регистрация', 'Първа поръчка', 'Клиент от',
    'Data achiziției', 'Data achizitiei', 'Data înregistrării', 'Client din', 'Prima comandă', 'Data primei comenzi',
    '获客日期', '注册日期', '首次下单日期', '首单日期', '首次购买日期', '加入日期', '开户日期',
    'تاریخ جذب', 'تاریخ عضویت', 'تاریخ ثبت نام', 'تاریخ اولین خرید', 'تاریخ ثبت',
  ],
  acquisitionCost: [
    'cac', 'acquisition cost', 'customer acquisition cost', 'cost of acquisition', 'acquisition spend', 'cpa',
    'Стоимость привлечения', 'Затраты на привлечение', 'Расходы на привлечение', 'Цена привлечения',
    'Разход за привличане', 'Разход за привличане (лв.)', 'Разходи за привличане', 'Цена на привличане',
    'Cost achiziție', 'Cost de achiziție', 'Cost achizitie', 'Cost achiziție client',
    '获客成本', '获客费用', '客户获取成本',
    'هزینه جذب', 'هزینه جذب مشتری', 'هزینه جذب (ریال)',
  ],
  industry: [
    'industry', 'sector', 'vertical', 'business', 'line of business', 'segment',
    'Отрасль', 'Индустрия', 'Сфера', 'Сектор', 'Сфера деятельности', 'Вид деятельности',
    'Отрасъл', 'Индустрия', 'Сектор', 'Дейност',
    'Industrie', 'Domeniu', 'Sector', 'Domeniu de activitate', 'Ramură',
    '行业', '所属行业', '行业类别',
    'صنعت', 'حوزه فعالیت', 'زمینه فعالیت',
  ],
  size: [
    'size', 'company size', 'employees', 'headcount', 'number of employees', 'tier', 'size class',
    'Размер', 'Размер компании', 'Численность', 'Численность сотрудников', 'Сотрудники',
    'Размер на фирмата', 'Брой служители', 'Служители',
    'Mărime', 'Marime', 'Dimensiune', 'Număr angajați', 'Angajați',
    '规模', '企业规模', '公司规模', '员工人数',
    'اندازه', 'اندازه شرکت', 'تعداد کارکنان', 'اندازه کسب و کار',
  ],
  age: ['age', 'age years', 'Возраст', 'Възраст', 'Vârstă', 'Varsta', 'Vârsta', '年龄', 'سن'],
  income: [
    'income', 'annual income', 'salary', 'revenue band', 'household income',
    'Доход', 'Доход в месяц', 'Годовой доход', 'Зарплата', 'Доход годишен', 'Годишен доход',
    'Venit', 'Venit anual', 'Salariu', '收入', '年收入', '月收入', 'درآمد', 'درآمد ماهانه', 'درآمد سالانه',
  ],
  kind: [
    'kind', 'type', 'cost type', 'cost kind', 'cost category', 'category', 'service', 'reason', 'description',
    'Тип', 'Вид', 'Вид затрат', 'Тип затрат', 'Статья затрат', 'Статья', 'Вид расхода',
    'Тип разход', 'Вид разход', 'Вид на разхода',
    'Tip', 'Tip cost', 'Categorie cost', 'Tip cheltuială', 'Descriere',
    '类型', '费用类型', '成本类型', '费用类别', '项目',
    'نوع', 'نوع هزینه', 'شرح', 'بابت',
  ],
  spend: [
    'spend', 'ad spend', 'marketing spend', 'budget', 'ad cost', 'ads cost', 'campaign cost', 'marketing cost',
    'media spend', 'amount spent', 'spent', 'investment', 'cost',
    'Расходы на рекламу', 'Рекламный бюджет', 'Бюджет', 'Затраты на рекламу', 'Расход', 'Расходы на маркетинг',
    'Разходи за реклама', 'Рекламен бюджет', 'Разходи за маркетинг',
    'Buget', 'Cheltuieli marketing', 'Cheltuieli publicitate', 'Cost campanie', 'Cheltuieli',
    '花费', '消耗', '广告费', '营销费用', '推广费用', '投放金额', '广告花费',
    'هزینه تبلیغات', 'بودجه', 'هزینه بازاریابی', 'هزینه کمپین',
  ],
  newCustomers: [
    'new customers', 'new clients', 'customers acquired', 'conversions', 'signups', 'sign ups', 'new accounts', 'leads won',
    'Новые клиенты', 'Новых клиентов', 'Привлечено клиентов', 'Привлечено', 'Конверсии',
    'Нови клиенти', 'Привлечени клиенти',
    'Clienți noi', 'Clienti noi', 'Conversii',
    '新客户', '新客数', '新增客户', '新客户数', '转化数',
    'مشتریان جدید', 'مشتری جدید', 'تعداد مشتری جدید', 'مشتریان جذب شده',
  ],
  prospectId: [
    'prospect id', 'prospect', 'lead id', 'lead', 'lead no', 'prospect no', 'opportunity id', 'id', 'contact id',
    'Лид', 'ID лида', 'Код лида', 'Потенциальный клиент', 'Номер лида', 'ИД', 'Код',
    'Лийд', 'Потенциален клиент', 'ИД на лийд',
    'Prospect', 'ID prospect', 'Lead', 'ID lead', 'Client potențial', 'Cod',
    '潜在客户', '潜在客户编号', '线索ID', '线索编号', '线索',
    'شناسه سرنخ', 'سرنخ', 'مشتری بالقوه', 'مشتری احتمالی', 'کد', 'شناسه',
  ],
};

// ---------------------------------------------------------------------------------------------
// Normalisation

const UNIT_PARENS_RE = /^(.*?\S)\s*[([【]\s*([^()[\]【】]*?)\s*[)\]】]\s*$/su;
const UNIT_COMMA_RE = /^(.*?\S)\s*[,/]\s*(\S+)\s*$/su;

function splitUnit(header: string): { base: string; unit: string | null } {
  const text = header.normalize('NFKC').replace(/\uFEFF/g, '').trim();
  const parens = UNIT_PARENS_RE.exec(text);
  if (parens?.[1] && parens[2] !== undefined) return { base: parens[1], unit: parens[2] };
  const comma = UNIT_COMMA_RE.exec(text);
  if (comma?.[1] && comma[2] !== undefined && (isCurrencyToken(comma[2]) || comma[2] === '%')) {
    return { base: comma[1], unit: comma[2] };
  }
  return { base: text, unit: null };
}

/**
 * The comparable form of a header or synonym: no trailing unit, NFKC, no diacritics, lower case,
 * Persian yeh/kaf, letters and digits only (ZWNJ, tatweel, spaces and punctuation dropped).
 */
export function normalizeHeader(header: string): string {
  return splitUnit(header)
    .base.replace(/ı/g, 'i')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/ة/g, 'ه')
    .replace(/[^\p{L}\p{N}]|\u0640/gu, '');
}

/**
 * The unit written after a header: "مبلغ (ریال)" → "ریال", "Разход за привличане (лв.)" → "лв.",
 * "金额(元)" → "元", "Сумма, руб." → "руб.", "Margin (%)" → "%". Null when there is none, or when the
 * text in parentheses is more than a unit (several words, long).
 */
export function unitOfHeader(header: string): string | null {
  const { unit } = splitUnit(header);
  if (unit === null || unit === '') return null;
  if (isCurrencyToken(unit) || unit === '%') return unit;
  return unit.length <= 6 && !/\s/.test(unit) ? unit : null;
}

// ---------------------------------------------------------------------------------------------
// Matching

const HAN_RE = /\p{Script=Han}/u;

/**
 * The words of a header or synonym, normalised like normalizeHeader: "Shipping Account Number" →
 * shipping, account, number; "ContactName" and "contact_name" → contact, name.
 */
export function headerWords(header: string): string[] {
  return splitUnit(header)
    .base.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/ة/g, 'ه')
    .replace(/\u0640|\u200c/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** True when `part` is a run of whole words of `whole` (and shorter than it). */
function wordsWithin(part: readonly string[], whole: readonly string[]): boolean {
  if (part.length === 0 || part.length >= whole.length) return false;
  outer: for (let start = 0; start + part.length <= whole.length; start++) {
    for (let k = 0; k < part.length; k++) if (whole[start + k] !== part[k]) continue outer;
    return true;
  }
  return false;
}

interface Synonym {
  field: string;
  key: string;
  words: string[];
  /** Specificity: longer synonyms say more (Chinese characters count triple). */
  weight: number;
  /** May match as a part of a longer header. */
  partial: boolean;
  /** A second choice ("subtotal" for an amount, "transaction id" for an order): ranks below the field's first-choice words. */
  secondary: boolean;
}

function weightOf(key: string): number {
  let weight = 0;
  for (const ch of key) weight += HAN_RE.test(ch) ? 3 : 1;
  return weight;
}

/** Synonyms by field. */
const SYNONYMS = new Map<string, Synonym[]>();
/** Normalised synonym → fields it names exactly (in any kind), and whether as a second choice. */
const EXACT = new Map<string, Map<string, boolean>>();
for (const source of [HEADER_SYNONYMS, MORE_HEADER_SYNONYMS]) {
  for (const [field, list] of Object.entries(source)) {
    for (const raw of list) {
      const secondary = raw.startsWith('~');
      const text = secondary ? raw.slice(1) : raw;
      const key = normalizeHeader(text);
      if (key === '') continue;
      const weight = weightOf(key);
      const han = HAN_RE.test(key);
      let ofField = SYNONYMS.get(field);
      if (!ofField) SYNONYMS.set(field, (ofField = []));
      ofField.push({ field, key, words: headerWords(text), weight, partial: han ? key.length >= 2 : key.length >= 4, secondary });
      let fields = EXACT.get(key);
      if (!fields) EXACT.set(key, (fields = new Map()));
      // A word that is a first choice in one list stays one.
      fields.set(field, (fields.get(field) ?? true) && secondary);
    }
  }
}

const EXACT_BASE = 10;
/** A second-choice word ranks below every first-choice exact match, above every partial one. */
const SECONDARY_EXACT = EXACT_BASE - 0.5;

/**
 * Fields that, in one kind, may also be named by another field's words: a costs file's cost and a
 * marketing file's spend are often just "amount" / "Сумма". Such a match ranks below an exact one
 * and counts as partial.
 */
const KIND_ALIASES: Partial<Record<ImportKind, Record<string, readonly string[]>>> = {
  costs: { cost: ['amount'] },
  marketing: { spend: ['amount', 'cost'] },
};
const ALIAS_SCORE = EXACT_BASE - 1;

/**
 * How well a (normalised) header names a field: 0 none; (0, 10) partial, growing with how much of
 * the header the synonym covers; ≥ 10 exact, growing with the synonym's specificity.
 */
/**
 * Words that make a header something other than the amount or the cost of goods even when it holds
 * one of their words: shipping, tax, discounts and refunds ("Costo de envío", "Shipping cost",
 * "Discount Amount", "Amount Refunded").
 */
const NOT_AMOUNT_WORDS = new Set(
  [
    'shipping', 'postage', 'freight', 'delivery', 'tax', 'taxes', 'vat', 'discount', 'discounts', 'refund', 'refunded', 'refunds', 'fee', 'fees', 'tip', 'tips',
    'envio', 'frete', 'versand', 'livraison', 'spedizione', 'kargo', 'доставка', 'доставки', 'доставката', 'impuesto', 'iva', 'mwst', 'tva', 'kdv', 'ндс', 'ддс',
    'descuento', 'desconto', 'rabatt', 'remise', 'sconto', 'indirim', 'скидка', 'отстъпка', 'reembolso', 'erstattung', 'remboursement', 'rimborso', 'iade', 'возврат',
  ].map((word) => headerWords(word)[0] ?? word),
);
const GUARDED_FIELDS = new Set(['amount', 'cost', 'unitPrice']);

function fieldScore(kind: ImportKind, key: string, words: readonly string[], field: string, fieldsOfKind: ReadonlySet<string>): number {
  if (key === '') return 0;
  const exact = EXACT.get(key);
  const secondary = exact?.get(field);
  if (secondary !== undefined) return secondary ? SECONDARY_EXACT : EXACT_BASE + Math.min(weightOf(key), 30) / 10;
  const aliases = KIND_ALIASES[kind]?.[field];
  if (exact && aliases?.some((alias) => exact.has(alias))) return ALIAS_SCORE;
  // A header that exactly names some other field (of any kind) is that field, not a part of this one.
  if (exact && [...exact.keys()].some((other) => other !== field)) return 0;
  if (!fieldsOfKind.has(field)) return 0;
  if (GUARDED_FIELDS.has(field) && words.some((word) => NOT_AMOUNT_WORDS.has(word))) return 0;
  let best = 0;
  for (const synonym of SYNONYMS.get(field) ?? []) {
    if (!synonym.partial) continue;
    // Whole words of the header ("Shipping Account Number" holds "account number", not "state" in
    // "Statement"); Chinese has no spaces, so its characters are compared as a run (the values
    // then tell "买家" the buyer from "买家实际支付金额" the amount the buyer paid).
    const within = HAN_RE.test(synonym.key) ? synonym.key.length < key.length && key.includes(synonym.key) : wordsWithin(synonym.words, words);
    if (within) {
      const score = (1 + (8 * synonym.key.length) / key.length) * (synonym.secondary ? 0.9 : 1);
      if (score > best) best = score;
    }
  }
  return best;
}

interface Matched {
  fields: (string | null)[];
  scores: number[];
}

/** Column and field pairs that must not be matched ("column:field"): their values do not fit. */
export type ExcludedPairs = ReadonlySet<string>;

function assign(kind: ImportKind, headers: readonly string[], excluded: ExcludedPairs = new Set()): Matched {
  const fieldNames = Object.keys(IMPORT_FIELDS[kind]);
  const fieldSet = new Set(fieldNames);
  const keys = headers.map(normalizeHeader);
  const words = headers.map(headerWords);
  const score = keys.map((key, column) => fieldNames.map((field) => fieldScore(kind, key, words[column] ?? [], field, fieldSet)));
  const pairs: { column: number; field: number; score: number }[] = [];
  score.forEach((row, column) => row.forEach((value, field) => value > 0 && !excluded.has(`${column}:${fieldNames[field]}`) && pairs.push({ column, field, score: value })));
  pairs.sort((a, b) => b.score - a.score || a.column - b.column || a.field - b.field);

  // Greedy: best pairs first.
  const owner: number[] = headers.map(() => -1);
  const columnOf: number[] = fieldNames.map(() => -1);
  for (const pair of pairs) {
    if (owner[pair.column] !== -1 || columnOf[pair.field] !== -1) continue;
    owner[pair.column] = pair.field;
    columnOf[pair.field] = pair.column;
  }

  // Then fields left out get a column when the field holding it can move to another exact match
  // ("product name" and "sku" in a products file: name and product id, not product id alone).
  const isExact = (column: number, field: number) => (score[column]?.[field] ?? 0) >= EXACT_BASE;
  const augment = (field: number, visited: Set<number>): boolean => {
    const columns = pairs.filter((pair) => pair.field === field && isExact(pair.column, field)).map((pair) => pair.column);
    for (const column of columns) {
      if (visited.has(column)) continue;
      visited.add(column);
      const holder = owner[column] ?? -1;
      if (holder === -1 || (isExact(column, holder) && augment(holder, visited))) {
        owner[column] = field;
        columnOf[field] = column;
        return true;
      }
    }
    return false;
  };
  fieldNames.forEach((_, field) => {
    if (columnOf[field] === -1) augment(field, new Set());
  });

  return {
    fields: owner.map((field) => (field === -1 ? null : (fieldNames[field] ?? null))),
    scores: owner.map((field, column) => (field === -1 ? 0 : (score[column]?.[field] ?? 0))),
  };
}

/**
 * The field each column names in a file of this kind (null: none). Each field goes to one column
 * at most: exact matches first, then the longer synonym, then the leftmost column.
 */
export function matchHeaders<K extends ImportKind>(kind: K, headers: readonly string[], excluded?: ExcludedPairs): (FieldName<K> | null)[] {
  return assign(kind, headers, excluded).fields as (FieldName<K> | null)[];
}

function hasRequired(kind: ImportKind, matched: ReadonlySet<string>): boolean {
  const fields = IMPORT_FIELDS[kind] as Record<string, { required: boolean }>;
  for (const [field, spec] of Object.entries(fields)) {
    if (!spec.required || matched.has(field)) continue;
    // A transaction's amount may come as quantity × unit price.
    if (kind === 'transactions' && field === 'amount' && matched.has('quantity') && matched.has('unitPrice')) continue;
    return false;
  }
  return true;
}

export interface KindGuess {
  kind: ImportKind;
  /** Matched fields, an exact match counting 1 and a partial one ½; 0 when nothing matched. */
  score: number;
  /** True when every required field of `kind` was found. */
  complete: boolean;
}

/**
 * What a header row describes: among the kinds whose required fields are all matched, the one with
 * the most (and best) matches — transactions need customer + date + amount (or quantity and unit
 * price), costs need customer + date + cost, customers a customer id … Ties go to the order of
 * IMPORT_KINDS (transactions, customers, costs, products, marketing, prospects). When no kind is
 * complete, the kind with the best matches, with `complete: false`.
 */
export function guessKind(headers: readonly string[]): KindGuess {
  let best: KindGuess = { kind: 'transactions', score: 0, complete: false };
  for (const kind of IMPORT_KINDS) {
    const { fields, scores } = assign(kind, headers);
    const matched = new Set<string>();
    let score = 0;
    fields.forEach((field, column) => {
      if (field === null) return;
      matched.add(field);
      score += (scores[column] ?? 0) >= EXACT_BASE ? 1 : 0.5;
    });
    const complete = hasRequired(kind, matched);
    const better = complete !== best.complete ? complete : score > best.score;
    if (better) best = { kind, score, complete };
  }
  return best;
}
