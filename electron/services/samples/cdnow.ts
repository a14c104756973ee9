import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { normalizeCustomerKey } from '../../../shared/domain/customer-key';
import { epochDayFromIso } from '../../../shared/domain/dates';
import type { CustomerRecord, DatasetRecords, TransactionRecord } from '../../../shared/domain/records';

/**
 * The CDNOW master dataset (Fader & Hardie): 23,570 customers who first bought in Q1 1997 and
 * their purchases to June 1998. Columns: customer_id, date (ISO), cds (quantity), amount.
 */
export function loadCdnowDataset(csvFile: string): DatasetRecords {
  const parsed = Papa.parse<string[]>(readFileSync(csvFile, 'utf8'), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  if (!header || header.join(',') !== 'customer_id,date,cds,amount') throw new Error(`Unexpected CDNOW header in ${csvFile}`);
  const transactions: TransactionRecord[] = [];
  const customers = new Map<string, CustomerRecord>();
  for (const [label = '', date = '', cds = '', amount = ''] of rows) {
    const key = normalizeCustomerKey(label);
    const day = epochDayFromIso(date);
    if (!key || Number.isNaN(day)) throw new Error(`Bad CDNOW row: ${label},${date}`);
    let customer = customers.get(key);
    if (!customer) {
      customer = {
        key, label, name: null, acquiredDay: day, channel: null, acquisitionCost: null,
        region: null, industry: null, size: null, age: null, income: null, attributes: {},
      };
      customers.set(key, customer);
    } else if (customer.acquiredDay !== null && day < customer.acquiredDay) {
      customer.acquiredDay = day;
    }
    transactions.push({
      customerKey: key, day, amount: Number(amount), cost: null, productId: null, category: null,
      quantity: Number(cds), orderId: null, channel: null,
    });
  }
  return { transactions, customers: [...customers.values()], serviceCosts: [], products: [], marketingSpend: [], prospects: [] };
}
