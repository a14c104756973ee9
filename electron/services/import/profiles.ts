/**
 * Source profiles: the standard exports of the platforms small businesses sell on, recognised by
 * their header rows (`../shared/data/platform-exports.md` has the layouts and where they come
 * from). A profile says what each row is and how to read it, so that a Shopify, Stripe or Tmall
 * file imports right with no options. The rules every profile follows (profile-rows.ts applies them):
 *
 * - **Grain.** `rows`: each row stands alone (an order, a charge, an order item with its own price).
 *   `lines`: one row per line item, consecutive rows with the same order id are one order, and
 *   order-level cells (customer, date, status, totals) are taken from the order's first row that has
 *   them; the order's net amount is spread over its lines by their value (line total, else price ×
 *   quantity, else equally), to the cent, and a line with no product (an order summary row) carries
 *   none of it when the order has lines with products. `events`: payments and refunds are rows of
 *   their own, a refund with a negative amount. `grouped`: a report whose customer is a row of its
 *   own above their transactions (QuickBooks' Sales by Customer Detail), "Total for …" rows left out.
 * - **Customer.** The first non-empty of the profile's key columns (an e-mail, else a customer id,
 *   else a name). None, or a placeholder ("(blank)", "guest", "0" …): the row goes to the unknown
 *   customer, kept out of the ladder and reported.
 * - **Net amount** = what was paid and kept for the goods: the gross paid (`gross`), less tax and
 *   shipping (`minus`) unless the import includes them (`taxShipping: 'include'`), times the share not
 *   refunded (1 − refund ÷ gross). A profile may read a column that is already net of tax instead
 *   (`net`), or a refund from an adjusted total (Etsy: gross − adjusted, when the adjusted total is
 *   given and not 0).
 * - **Status.** A row (an order) counts when each status column's value is one the profile counts;
 *   a value it skips is reported with its reason (unpaid, failed, voided, cancelled, refunded,
 *   pending, not a sale); a value it does not know counts, and is named in the warnings. A set
 *   cancellation date skips the order as cancelled. A fully refunded order is skipped as refunded.
 */
import { normalizeHeader } from './headers';
import type { ImportKind } from '../../../shared/domain/import';

/** Why rows of a status are left out (an issue code's parameter; the app says it in words). */
export const SKIP_REASONS = ['unpaid', 'failed', 'voided', 'cancelled', 'refunded', 'pending', 'notSale'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** The kinds of export a platform has (the app's words for them: `import.profileExports.<export>`). */
export const PROFILE_EXPORTS = ['orders', 'customers', 'ordersAnalytics', 'customersAnalytics', 'ordersPlugin', 'soldOrders', 'soldItems', 'payments', 'transactions', 'itemSales', 'activity', 'orderReport', 'salesByCustomer', 'invoices'] as const;
export type ProfileExport = (typeof PROFILE_EXPORTS)[number];

export interface StatusRule {
  /** The column (alternative names). */
  column: readonly string[];
  /** Values that count (compared lower-case, trimmed). */
  counted: readonly string[];
  /** Values left out, with why. */
  skipped: Readonly<Record<string, SkipReason>>;
  /** The rule does not apply to rows whose column has one of these values (PayPal: a refund is a debit, and counts). */
  except?: { column: readonly string[]; values: readonly string[] };
}

export interface SourceProfile {
  name: string;
  /** The platform and export, as people call them (in English: the CLI). */
  label: string;
  /** The platform's name, and which of its exports (the app says the export in the person's language). */
  platform: string;
  export: ProfileExport;
  kind: ImportKind;
  /** Header names that identify the export (all of one of the sets must be there). */
  fingerprints: readonly (readonly string[])[];
  grain: 'rows' | 'lines' | 'events' | 'grouped';
  /** Customer key columns, in order of preference. Empty for a file with no buyer identity (or a grouped report: its group rows). */
  key: readonly string[];
  /** Key columns of a refund row (a negative amount), when it names the buyer elsewhere (PayPal: the recipient). */
  refundKey?: readonly string[];
  /** Columns of the customer's name, joined with a space (first and last name). */
  customerName?: readonly (readonly string[])[];
  order?: readonly string[];
  date?: readonly string[];
  gross?: readonly string[];
  /** Already without tax and shipping: used instead of gross − minus when they are excluded. */
  net?: readonly string[];
  /** Tax and shipping, subtracted from gross when they are excluded. */
  minus?: readonly (readonly string[])[];
  refund?: readonly string[];
  /** A total after refunds: refund = gross − adjusted when the adjusted value is given and not 0. */
  adjusted?: readonly string[];
  /** Added to the amount (Square's partial refunds, written negative). */
  plus?: readonly string[];
  statuses?: readonly StatusRule[];
  /** A non-empty cell means the order was cancelled. */
  cancelledAt?: readonly string[];
  currency?: readonly string[];
  /** The currency when the file has no column for it (Tmall: yuan). */
  fixedCurrency?: string;
  product?: readonly string[];
  quantity?: readonly string[];
  linePrice?: readonly string[];
  lineTotal?: readonly string[];
  category?: readonly string[];
  region?: readonly string[];
  channel?: readonly string[];
  /** Customers files: when the customer joined. */
  acquired?: readonly string[];
  /** A credit note or refund row by its type: its amount counts negative. */
  negativeWhen?: { column: readonly string[]; values: readonly string[] };
}

const FINANCIAL_PAID = { paid: 'paid', partially_refunded: 'partially_refunded', partially_paid: 'partially_paid' } as const;

export const PROFILES: readonly SourceProfile[] = [
  {
    name: 'shopify-orders',
    label: 'Shopify orders',
    platform: 'Shopify',
    export: 'orders',
    kind: 'transactions',
    fingerprints: [['Name', 'Financial Status', 'Lineitem quantity', 'Lineitem name', 'Billing Name']],
    grain: 'lines',
    key: ['Email', 'Phone', 'Billing Name'],
    customerName: [['Billing Name']],
    order: ['Name'],
    date: ['Created at', 'Paid at'],
    gross: ['Total'],
    minus: [['Taxes'], ['Shipping']],
    refund: ['Refunded Amount'],
    statuses: [
      {
        column: ['Financial Status'],
        counted: Object.values(FINANCIAL_PAID),
        skipped: { pending: 'pending', authorized: 'unpaid', voided: 'voided', refunded: 'refunded', expired: 'unpaid' },
      },
    ],
    cancelledAt: ['Cancelled at'],
    currency: ['Currency'],
    product: ['Lineitem name', 'Lineitem sku'],
    quantity: ['Lineitem quantity'],
    linePrice: ['Lineitem price'],
    region: ['Billing City', 'Billing Country'],
    channel: ['Source'],
  },
  {
    name: 'shopify-customers',
    label: 'Shopify customers',
    platform: 'Shopify',
    export: 'customers',
    kind: 'customers',
    fingerprints: [
      ['First Name', 'Last Name', 'Email', 'Accepts Email Marketing', 'Total Spent', 'Total Orders'],
      ['First Name', 'Last Name', 'Email', 'Accepts Marketing', 'Total Spent', 'Total Orders'],
    ],
    grain: 'rows',
    key: ['Customer ID', 'Email', 'Phone'],
    customerName: [['First Name', 'Last Name']],
    region: ['Default Address City', 'City', 'Default Address Country Code', 'Country'],
  },
  {
    name: 'woocommerce-orders',
    label: 'WooCommerce orders (Analytics)',
    platform: 'WooCommerce',
    export: 'ordersAnalytics',
    kind: 'transactions',
    fingerprints: [
      ['Date', 'Order #', 'Status', 'Customer', 'Customer type', 'Net Sales'],
      ['Date', 'Order #', 'Status', 'Customer', 'Customer type', 'N. Revenue'],
    ],
    grain: 'rows',
    key: ['Customer'],
    customerName: [['Customer']],
    order: ['Order #'],
    date: ['Date'],
    gross: ['Net Sales', 'N. Revenue'],
    statuses: [
      {
        column: ['Status'],
        counted: ['completed', 'processing', 'on-hold'],
        skipped: { pending: 'unpaid', 'pending payment': 'unpaid', cancelled: 'cancelled', refunded: 'refunded', failed: 'failed', draft: 'notSale', 'checkout-draft': 'notSale' },
      },
    ],
    product: ['Product(s)'],
  },
  {
    name: 'woocommerce-customers',
    label: 'WooCommerce customers (Analytics)',
    platform: 'WooCommerce',
    export: 'customersAnalytics',
    kind: 'customers',
    fingerprints: [['Name', 'Username', 'Last Active', 'Sign Up', 'Email', 'Total Spend']],
    grain: 'rows',
    key: ['Email', 'Username'],
    customerName: [['Name']],
    acquired: ['Sign Up'],
    region: ['City', 'Country / Region'],
  },
  {
    name: 'woocommerce-webtoffee',
    label: 'WooCommerce orders (Order Export plugin)',
    platform: 'WooCommerce',
    export: 'ordersPlugin',
    kind: 'transactions',
    fingerprints: [['order_id', 'order_date', 'status', 'order_total', 'customer_email']],
    grain: 'rows',
    key: ['customer_email', 'billing_email', 'customer_id'],
    customerName: [['billing_first_name', 'billing_last_name']],
    order: ['order_number', 'order_id'],
    date: ['order_date', 'paid_date'],
    gross: ['order_total'],
    minus: [['tax_total'], ['shipping_total']],
    statuses: [
      {
        column: ['status'],
        counted: ['completed', 'processing', 'on-hold', 'wc-completed', 'wc-processing'],
        skipped: { pending: 'unpaid', 'wc-pending': 'unpaid', cancelled: 'cancelled', 'wc-cancelled': 'cancelled', refunded: 'refunded', 'wc-refunded': 'refunded', failed: 'failed', 'wc-failed': 'failed' },
      },
    ],
    currency: ['order_currency'],
    region: ['billing_city', 'billing_country'],
  },
  {
    name: 'etsy-orders',
    label: 'Etsy sold orders',
    platform: 'Etsy',
    export: 'soldOrders',
    kind: 'transactions',
    fingerprints: [['Sale Date', 'Order ID', 'Buyer User ID', 'Order Net']],
    grain: 'rows',
    key: ['Buyer User ID', 'Buyer', 'Full Name'],
    customerName: [['Full Name']],
    order: ['Order ID'],
    date: ['Sale Date'],
    gross: ['Order Total'],
    minus: [['Sales Tax'], ['Shipping']],
    adjusted: ['Adjusted Order Total'],
    statuses: [{ column: ['Status'], counted: ['completed', 'paid', 'shipped'], skipped: { canceled: 'cancelled', cancelled: 'cancelled', unpaid: 'unpaid' } }],
    currency: ['Currency'],
    region: ['Ship City', 'Ship Country'],
  },
  {
    name: 'etsy-items',
    label: 'Etsy sold order items',
    platform: 'Etsy',
    export: 'soldItems',
    kind: 'transactions',
    fingerprints: [['Sale Date', 'Item Name', 'Transaction ID', 'Listing ID']],
    grain: 'rows',
    key: ['Buyer', 'Ship Name'],
    customerName: [['Ship Name']],
    order: ['Order ID'],
    date: ['Sale Date'],
    gross: ['Item Total'],
    currency: ['Currency'],
    product: ['Item Name', 'SKU'],
    quantity: ['Quantity'],
    region: ['Ship City', 'Ship Country'],
  },
  {
    name: 'stripe-payments',
    label: 'Stripe payments',
    platform: 'Stripe',
    export: 'payments',
    kind: 'transactions',
    fingerprints: [
      ['id', 'Created date (UTC)', 'Amount', 'Amount Refunded'],
      ['id', 'Created (UTC)', 'Amount', 'Amount Refunded', 'Converted Amount'],
    ],
    grain: 'rows',
    key: ['Customer ID', 'Customer Email', 'Customer Description'],
    customerName: [['Customer Description']],
    order: ['id'],
    date: ['Created date (UTC)', 'Created (UTC)'],
    gross: ['Converted Amount', 'Amount'],
    refund: ['Converted Amount Refunded', 'Amount Refunded'],
    statuses: [
      {
        column: ['Status'],
        counted: ['paid', 'succeeded', 'captured'],
        skipped: { failed: 'failed', refunded: 'refunded', canceled: 'cancelled', cancelled: 'cancelled', pending: 'pending', 'requires_payment_method': 'unpaid', uncaptured: 'unpaid', incomplete: 'unpaid', blocked: 'failed' },
      },
    ],
    currency: ['Converted Currency', 'Currency'],
  },
  {
    name: 'stripe-customers',
    label: 'Stripe customers',
    platform: 'Stripe',
    export: 'customers',
    kind: 'customers',
    fingerprints: [['id', 'Email', 'Name', 'Created (UTC)', 'Total Spend', 'Payment Count']],
    grain: 'rows',
    key: ['id', 'Email'],
    customerName: [['Name']],
    acquired: ['Created (UTC)'],
  },
  {
    name: 'square-transactions',
    label: 'Square transactions',
    platform: 'Square',
    export: 'transactions',
    kind: 'transactions',
    fingerprints: [['Date', 'Time', 'Gross Sales', 'Net Sales', 'Total Collected', 'Transaction ID', 'Event Type']],
    grain: 'events',
    key: ['Customer ID', 'Customer Name'],
    customerName: [['Customer Name']],
    order: ['Transaction ID'],
    date: ['Date'],
    gross: ['Total Collected'],
    net: ['Net Sales'],
    plus: ['Partial Refunds'],
    statuses: [{ column: ['Transaction Status'], counted: ['complete', 'completed'], skipped: { pending: 'pending', failed: 'failed', canceled: 'cancelled', voided: 'voided' } }],
    channel: ['Source', 'Channel'],
    region: ['Location'],
  },
  {
    name: 'square-items',
    label: 'Square item sales',
    platform: 'Square',
    export: 'itemSales',
    kind: 'transactions',
    fingerprints: [['Date', 'Time', 'Category', 'Item', 'Qty', 'Net Sales', 'Transaction ID', 'Event Type']],
    grain: 'events',
    key: ['Customer ID', 'Customer Name'],
    customerName: [['Customer Name']],
    order: ['Transaction ID'],
    date: ['Date'],
    gross: ['Gross Sales'],
    net: ['Net Sales'],
    product: ['Item', 'SKU'],
    quantity: ['Qty'],
    category: ['Category'],
    channel: ['Channel'],
    region: ['Location'],
  },
  {
    name: 'paypal-activity',
    label: 'PayPal activity',
    platform: 'PayPal',
    export: 'activity',
    kind: 'transactions',
    fingerprints: [['Date', 'Time', 'TimeZone', 'Gross', 'Fee', 'Net', 'Transaction ID']],
    grain: 'events',
    key: ['From Email Address', 'Name'],
    refundKey: ['To Email Address', 'Name'],
    customerName: [['Name']],
    order: ['Transaction ID'],
    date: ['Date'],
    gross: ['Gross'],
    statuses: [
      {
        column: ['Status'],
        counted: ['completed', 'cleared', 'refunded', 'partially refunded'],
        skipped: { pending: 'pending', denied: 'failed', failed: 'failed', canceled: 'cancelled', cancelled: 'cancelled', reversed: 'refunded', returned: 'refunded', unclaimed: 'unpaid', processing: 'pending' },
      },
      // Money received is a credit; a debit is money sent (not a sale), unless it is a refund to a buyer.
      { column: ['Balance Impact'], counted: ['credit'], skipped: { memo: 'notSale', debit: 'notSale' }, except: { column: ['Type'], values: ['payment refund', 'refund', 'payment reversal'] } },
      {
        column: ['Type'],
        counted: [],
        skipped: {
          'general withdrawal': 'notSale', 'general currency conversion': 'notSale', 'transfer to bank': 'notSale', 'bank deposit to pp account': 'notSale',
          'general authorization': 'notSale', 'hold on balance for dispute investigation': 'notSale', 'reversal of general account hold': 'notSale',
        },
      },
    ],
    currency: ['Currency'],
  },
  {
    name: 'amazon-orders',
    label: 'Amazon Seller Central orders',
    platform: 'Amazon Seller Central',
    export: 'orders',
    kind: 'transactions',
    fingerprints: [['amazon-order-id', 'purchase-date', 'order-status', 'item-price', 'asin']],
    grain: 'rows',
    key: [],
    order: ['amazon-order-id'],
    date: ['purchase-date'],
    gross: ['item-price'],
    currency: ['currency'],
    product: ['product-name', 'sku', 'asin'],
    quantity: ['quantity'],
  },
  {
    name: 'ebay-orders',
    label: 'eBay orders',
    platform: 'eBay',
    export: 'orders',
    kind: 'transactions',
    fingerprints: [['Sales Record Number', 'Order Number', 'Buyer Username', 'Item Number', 'Sold For', 'Total Price']],
    grain: 'lines',
    key: ['Buyer Username', 'Buyer Email', 'Buyer Name'],
    customerName: [['Buyer Name']],
    order: ['Order Number'],
    date: ['Sale Date'],
    gross: ['Total Price'],
    minus: [['Seller Collected Tax'], ['eBay Collected Tax'], ['Shipping And Handling', 'Postage And Handling']],
    product: ['Item Title', 'Item Number'],
    quantity: ['Quantity'],
    linePrice: ['Sold For'],
    region: ['Buyer City', 'Buyer Country'],
  },
  {
    name: 'tmall-orders',
    label: 'Tmall/Taobao order report',
    platform: 'Tmall/Taobao',
    export: 'orderReport',
    kind: 'transactions',
    fingerprints: [['订单编号', '买家会员名', '订单状态', '订单创建时间']],
    grain: 'rows',
    key: ['买家会员名', '买家支付宝账号'],
    customerName: [['收货人姓名', '收货人']],
    order: ['订单编号'],
    date: ['订单付款时间', '订单创建时间'],
    gross: ['买家实际支付金额', '支付金额'],
    minus: [['买家应付邮费']],
    statuses: [
      {
        column: ['订单状态'],
        counted: ['交易成功', '买家已付款，等待卖家发货', '卖家已发货，等待买家确认', '买家已付款,等待卖家发货', '卖家已发货,等待买家确认'],
        skipped: { 等待买家付款: 'unpaid', 交易关闭: 'cancelled' },
      },
    ],
    fixedCurrency: 'CNY',
    product: ['宝贝标题'],
    quantity: ['宝贝总数量'],
    region: ['收货地址'],
  },
  {
    name: 'tiendanube-orders',
    label: 'Tiendanube orders',
    platform: 'Tiendanube',
    export: 'orders',
    kind: 'transactions',
    fingerprints: [['Número de orden', 'Email', 'Fecha', 'Estado del pago', 'Total', 'Nombre del producto']],
    grain: 'lines',
    key: ['Email', 'DNI / CUIT', 'Nombre del comprador'],
    customerName: [['Nombre del comprador']],
    order: ['Número de orden'],
    date: ['Fecha'],
    gross: ['Total'],
    minus: [['Costo de envío']],
    statuses: [
      {
        column: ['Estado del pago'],
        counted: ['recibido', 'confirmado', 'aprobado', 'pagado'],
        skipped: { pendiente: 'pending', rechazado: 'failed', cancelado: 'cancelled', reembolsado: 'refunded', abandonado: 'unpaid' },
      },
    ],
    cancelledAt: ['Fecha y hora de cancelación'],
    currency: ['Moneda'],
    product: ['Nombre del producto', 'SKU'],
    quantity: ['Cantidad del producto'],
    linePrice: ['Precio del producto'],
    region: ['Ciudad', 'Provincia o estado', 'País'],
    channel: ['Canal'],
  },
  {
    name: 'nuvemshop-orders',
    label: 'Nuvemshop orders',
    platform: 'Nuvemshop',
    export: 'orders',
    kind: 'transactions',
    fingerprints: [['Número do Pedido', 'E-mail', 'Data', 'Status do Pagamento', 'Total', 'Nome do Produto']],
    grain: 'lines',
    key: ['E-mail', 'CPF / CNPJ', 'Nome do comprador'],
    customerName: [['Nome do comprador']],
    order: ['Número do Pedido'],
    date: ['Data'],
    gross: ['Total'],
    minus: [['Valor do Frete']],
    statuses: [
      {
        column: ['Status do Pagamento'],
        counted: ['recebido', 'confirmado', 'aprovado', 'pago'],
        skipped: { pendente: 'pending', recusado: 'failed', cancelado: 'cancelled', estornado: 'refunded', reembolsado: 'refunded', abandonado: 'unpaid' },
      },
    ],
    product: ['Nome do Produto', 'SKU'],
    quantity: ['Quantidade Comprada'],
    linePrice: ['Valor do Produto'],
  },
  {
    name: 'quickbooks-sales',
    label: 'QuickBooks sales by customer detail',
    platform: 'QuickBooks',
    export: 'salesByCustomer',
    kind: 'transactions',
    fingerprints: [['Date', 'Transaction Type', 'Num', 'Product/Service', 'Amount']],
    grain: 'grouped',
    key: [],
    order: ['Num'],
    date: ['Date'],
    gross: ['Amount'],
    statuses: [
      {
        column: ['Transaction Type'],
        counted: ['invoice', 'sales receipt', 'credit memo', 'refund receipt'],
        skipped: { estimate: 'notSale', 'sales order': 'notSale', 'delayed charge': 'notSale', 'delayed credit': 'notSale' },
      },
    ],
    negativeWhen: { column: ['Transaction Type'], values: ['credit memo', 'refund receipt'] },
    product: ['Product/Service'],
    quantity: ['Qty'],
  },
  {
    name: 'xero-invoices',
    label: 'Xero invoices',
    platform: 'Xero',
    export: 'invoices',
    kind: 'transactions',
    fingerprints: [['ContactName', 'InvoiceNumber', 'InvoiceDate', 'Total', 'LineAmount']],
    grain: 'lines',
    key: ['EmailAddress', 'ContactName'],
    customerName: [['ContactName']],
    order: ['InvoiceNumber'],
    date: ['InvoiceDate'],
    gross: ['Total'],
    minus: [['TaxTotal']],
    statuses: [
      {
        column: ['Status'],
        counted: ['paid', 'authorised', 'authorized'],
        skipped: { draft: 'notSale', 'awaiting approval': 'notSale', submitted: 'notSale', 'awaiting payment': 'unpaid', voided: 'voided', deleted: 'voided' },
      },
    ],
    negativeWhen: { column: ['Type'], values: ['sales credit note', 'credit note', 'accrec credit', 'accreccredit'] },
    currency: ['Currency'],
    product: ['InventoryItemCode', 'Description'],
    quantity: ['Quantity'],
    linePrice: ['UnitAmount'],
    lineTotal: ['LineAmount'],
    region: ['POCity', 'POCountry'],
  },
  {
    name: 'bigcommerce-orders',
    label: 'BigCommerce orders',
    platform: 'BigCommerce',
    export: 'orders',
    kind: 'transactions',
    fingerprints: [['Order ID', 'Customer ID', 'Customer Email', 'Order Date', 'Order Status', 'Order Total (inc tax)']],
    grain: 'rows',
    key: ['Customer Email', 'Customer ID', 'Customer Name'],
    customerName: [['Customer Name']],
    order: ['Order ID'],
    date: ['Order Date'],
    gross: ['Order Total (inc tax)'],
    minus: [['Tax Total'], ['Shipping Cost (inc tax)']],
    refund: ['Refund Amount'],
    statuses: [
      {
        column: ['Order Status'],
        counted: ['completed', 'shipped', 'awaiting fulfillment', 'awaiting shipment', 'awaiting pickup', 'partially shipped', 'partially refunded'],
        skipped: {
          incomplete: 'unpaid', pending: 'pending', 'awaiting payment': 'unpaid', cancelled: 'cancelled', declined: 'failed', refunded: 'refunded', disputed: 'pending',
          'manual verification required': 'pending',
        },
      },
    ],
    currency: ['Order Currency Code'],
    region: ['Billing Suburb', 'Billing Country'],
    channel: ['Channel Name'],
  },
  {
    name: 'wix-orders',
    label: 'Wix orders',
    platform: 'Wix',
    export: 'orders',
    kind: 'transactions',
    fingerprints: [['Order number', 'Date created', 'Contact email', 'Item', 'Qty', 'Payment status']],
    grain: 'lines',
    key: ['Contact email', 'Billing name', 'Recipient name'],
    customerName: [['Billing name', 'Recipient name']],
    order: ['Order number'],
    date: ['Date created'],
    gross: ['Total'],
    minus: [['Total tax'], ['Shipping rate']],
    refund: ['Refunded amount'],
    statuses: [{ column: ['Payment status'], counted: ['paid', 'partially refunded'], skipped: { unpaid: 'unpaid', pending: 'pending', refunded: 'refunded', canceled: 'cancelled', cancelled: 'cancelled', 'not paid': 'unpaid' } }],
    currency: ['Currency'],
    product: ['Item', 'SKU'],
    quantity: ['Qty'],
    linePrice: ['Price'],
  },
];

export const PROFILE_NAMES = PROFILES.map((profile) => profile.name);

/** Columns of a header row by normalised name (the first of equal names wins). */
export function headerIndex(headers: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  headers.forEach((header, column) => {
    const key = normalizeHeader(header.replace(/^\*/, ''));
    if (key && !index.has(key)) index.set(key, column);
  });
  return index;
}

/** The column of the first of `names` the header row has; null when it has none. */
export function columnOf(index: ReadonlyMap<string, number>, names: readonly string[] | undefined): number | null {
  for (const name of names ?? []) {
    const column = index.get(normalizeHeader(name));
    if (column !== undefined) return column;
  }
  return null;
}

/** The profile whose fingerprint the header row carries (the most specific when several do); null for none. */
export function recogniseProfile(headers: readonly string[]): SourceProfile | null {
  const index = headerIndex(headers);
  let best: SourceProfile | null = null;
  let bestSize = 0;
  for (const profile of PROFILES) {
    for (const fingerprint of profile.fingerprints) {
      if (fingerprint.length > bestSize && fingerprint.every((name) => index.has(normalizeHeader(name)))) {
        best = profile;
        bestSize = fingerprint.length;
      }
    }
  }
  return best;
}

export function profileByName(name: string): SourceProfile | null {
  return PROFILES.find((profile) => profile.name === name) ?? null;
}
