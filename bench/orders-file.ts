import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * A plain order-lines export of `rows` lines (about 40 bytes each), deterministic:
 * customer_id,order_date,order_id,product,quantity,amount,cost. Dates are random: each customer's
 * rows come in no date order.
 */
export async function writeOrdersFile(path: string, rows: number, customers = Math.max(1, Math.round(rows / 10)), options: { cashShare?: number } = {}): Promise<void> {
  const out = createWriteStream(path);
  let seed = 12345;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const start = Date.UTC(2021, 0, 1);
  let chunk = 'customer_id,order_date,order_id,product,quantity,amount,cost\n';
  for (let i = 0; i < rows; i++) {
    // With a cash share, that share of the rows belongs to one anonymous "cash customer" (C0), in no date order.
    const customer = options.cashShare && next() < options.cashShare ? 0 : Math.floor(next() * customers) + 1;
    const date = new Date(start + Math.floor(next() * 1460) * 86_400_000).toISOString().slice(0, 10);
    const quantity = 1 + Math.floor(next() * 5);
    const amount = (quantity * (5 + next() * 95)).toFixed(2);
    const cost = (Number(amount) * (0.4 + next() * 0.3)).toFixed(2);
    chunk += `C${customer},${date},O${(i >> 1) + 1},P${Math.floor(next() * 400)},${quantity},${amount},${cost}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
