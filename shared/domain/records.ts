/**
 * Rows of the workspace tables as the services exchange them (see DOMAIN.md, "Input data").
 * Dates are epoch days (see dates.ts); customer keys are already normalised identities.
 */
export interface TransactionRecord {
  customerKey: string;
  day: number;
  /** Net revenue; refunds are negative. */
  amount: number;
  /** Cost of goods; null when the export has none (a default margin applies in the analysis). */
  cost: number | null;
  productId: string | null;
  category: string | null;
  quantity: number | null;
  orderId: string | null;
  channel: string | null;
}

export interface CustomerRecord {
  key: string;
  /** The id as the export wrote it (before normalisation), shown to people. */
  label: string;
  name: string | null;
  acquiredDay: number | null;
  channel: string | null;
  /** Acquisition cost (CAC). */
  acquisitionCost: number | null;
  region: string | null;
  industry: string | null;
  size: string | null;
  age: number | null;
  income: number | null;
  /** Any other columns of the export. */
  attributes: Record<string, string>;
}

export interface ServiceCostRecord {
  customerKey: string;
  day: number;
  cost: number;
  /** support, delivery, visit, payment fee, discount, … */
  kind: string | null;
}

export interface ProductRecord {
  productId: string;
  name: string | null;
  category: string | null;
  /** Gross margin as a share of revenue, 0–1. */
  marginRate: number | null;
}

export interface MarketingSpendRecord {
  channel: string;
  /** First and last day of the period the spend covers. */
  periodStart: number;
  periodEnd: number;
  spend: number;
  newCustomers: number | null;
}

export interface ProspectRecord {
  key: string;
  label: string;
  name: string | null;
  channel: string | null;
  region: string | null;
  industry: string | null;
  size: string | null;
  age: number | null;
  income: number | null;
  attributes: Record<string, string>;
}

/** Everything a dataset can hold; a sample or an import fills some of it. */
export interface DatasetRecords {
  transactions: TransactionRecord[];
  customers: CustomerRecord[];
  serviceCosts: ServiceCostRecord[];
  products: ProductRecord[];
  marketingSpend: MarketingSpendRecord[];
  prospects: ProspectRecord[];
}
