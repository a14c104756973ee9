import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/** The newest Shopify orders export header (79 columns, ../shared/data/platform-exports.md). */
export const SHOPIFY_HEADER = [
  'Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Fulfilled at', 'Accepts Marketing', 'Currency', 'Subtotal', 'Shipping', 'Taxes', 'Total',
  'Discount Code', 'Discount Amount', 'Shipping Method', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem compare at price',
  'Lineitem sku', 'Lineitem requires shipping', 'Lineitem taxable', 'Lineitem fulfillment status', 'Billing Name', 'Billing Street', 'Billing Address1',
  'Billing Address2', 'Billing Company', 'Billing City', 'Billing Zip', 'Billing Province', 'Billing Country', 'Billing Phone', 'Shipping Name', 'Shipping Street',
  'Shipping Address1', 'Shipping Address2', 'Shipping Company', 'Shipping City', 'Shipping Zip', 'Shipping Province', 'Shipping Country', 'Shipping Phone', 'Notes',
  'Note Attributes', 'Cancelled at', 'Payment Method', 'Payment Reference', 'Refunded Amount', 'Vendor', 'Outstanding Balance', 'Employee', 'Location',
  'Device ID', 'Id', 'Tags', 'Risk Level', 'Source', 'Lineitem discount', 'Tax 1 Name', 'Tax 1 Value', 'Tax 2 Name', 'Tax 2 Value', 'Tax 3 Name', 'Tax 3 Value',
  'Tax 4 Name', 'Tax 4 Value', 'Tax 5 Name', 'Tax 5 Value', 'Phone', 'Receipt Number', 'Duties', 'Billing Province Name', 'Shipping Province Name', 'Payment ID',
  'Payment Terms Name', 'Next Payment Due At', 'Payment References',
];

/**
 * A Shopify orders export of `lines` line items (1 to 4 per order), deterministic: order-level
 * cells on each order's first line only, as Shopify writes them; every order paid, some partly
 * refunded. About 200 bytes a line.
 */
export async function writeShopifyFile(path: string, lines: number, customers = Math.max(1, Math.round(lines / 10))): Promise<void> {
  const out = createWriteStream(path);
  let seed = 4242;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const width = SHOPIFY_HEADER.length;
  const empty = new Array<string>(width).fill('');
  const start = Date.UTC(2022, 0, 1);
  let chunk = `${SHOPIFY_HEADER.join(',')}\n`;
  let written = 0;
  for (let order = 1001; written < lines; order++) {
    const count = Math.min(lines - written, 1 + Math.floor(next() * 4));
    const customer = Math.floor(next() * customers) + 1;
    const created = new Date(start + Math.floor(next() * 1095 * 86_400) * 1000).toISOString().replace('T', ' ').slice(0, 19);
    const prices = Array.from({ length: count }, () => Math.round((5 + next() * 95) * 100) / 100);
    const quantities = Array.from({ length: count }, () => 1 + Math.floor(next() * 3));
    const subtotal = prices.reduce((sum, price, k) => sum + price * (quantities[k] as number), 0);
    const shipping = 4.9;
    const taxes = Math.round(subtotal * 0.08 * 100) / 100;
    const total = Math.round((subtotal + shipping + taxes) * 100) / 100;
    const refunded = next() < 0.05 ? Math.round(total * 0.3 * 100) / 100 : 0;
    for (let k = 0; k < count; k++) {
      const row = empty.slice();
      row[0] = `#${order}`;
      row[1] = `customer${customer}@example.com`;
      row[16] = String(quantities[k]);
      row[17] = `Product ${Math.floor(next() * 300)}`;
      row[18] = (prices[k] as number).toFixed(2);
      row[20] = `SKU-${Math.floor(next() * 300)}`;
      row[50] = 'Acme';
      if (k === 0) {
        row[2] = refunded > 0 ? 'partially_refunded' : 'paid';
        row[3] = `${created} +0100`;
        row[7] = 'EUR';
        row[8] = subtotal.toFixed(2);
        row[9] = shipping.toFixed(2);
        row[10] = taxes.toFixed(2);
        row[11] = total.toFixed(2);
        row[15] = `${created} +0100`;
        row[24] = `Customer ${customer}`;
        row[29] = 'Berlin';
        row[32] = 'DE';
        row[49] = refunded > 0 ? refunded.toFixed(2) : '0.00';
        row[55] = String(5_000_000 + order);
        row[58] = 'web';
      }
      chunk += `${row.join(',')}\n`;
      written++;
    }
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
