import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useAnalysis } from './store';

/**
 * Formatting for the analysis screens: the app's Intl formats plus money in the workspace's
 * currency (when one is set; else plain numbers with two decimals), signed money, and the labels
 * of cohort periods ("2024-03", "2024-Q1") in the UI language.
 */
export function useAnalysisFormat() {
  const format = useFormat();
  const { t } = useTranslation();
  const currency = useAnalysis().settings?.currency ?? null;
  return useMemo(() => {
    const { tag } = format;
    const make = (options: Intl.NumberFormatOptions) => {
      try {
        return new Intl.NumberFormat(tag, currency ? { style: 'currency', currency, ...options } : options);
      } catch {
        return new Intl.NumberFormat(tag, options);
      }
    };
    const money = make(currency ? {} : { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const wholeMoney = make({ maximumFractionDigits: 0, minimumFractionDigits: 0 });
    const compactMoney = make({ notation: 'compact', maximumFractionDigits: 1, minimumFractionDigits: 0 });
    const plusMoney = make({ signDisplay: 'always', ...(currency ? {} : { minimumFractionDigits: 2, maximumFractionDigits: 2 }) });
    const percent0 = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
    const oneDecimal = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const twoDecimals = new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const year = new Intl.NumberFormat(tag, { useGrouping: false });
    // Cohorts are calendar months of the Gregorian calendar, whatever the UI's calendar.
    const month = new Intl.DateTimeFormat(`${tag}-u-ca-gregory`, { year: 'numeric', month: 'short', timeZone: 'UTC' });
    return {
      ...format,
      currency,
      money: (value: number) => money.format(value),
      wholeMoney: (value: number) => wholeMoney.format(value),
      compactMoney: (value: number) => compactMoney.format(value),
      /** Money with a + before gains (as describeReason writes it: "+0.00" for a tiny gain, "-0.00" for a tiny loss). */
      signedMoney: (value: number) => (value > 0 ? plusMoney.format(value) : money.format(value)),
      percent0: (value: number) => percent0.format(value),
      oneDecimal: (value: number) => oneDecimal.format(value),
      twoDecimals: (value: number) => twoDecimals.format(value),
      /** A cohort period label ("2024-03" or "2024-Q1") in words. */
      period(label: string): string {
        const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
        if (quarter) return t('cohorts.quarterLabel', { quarter: format.integer(Number(quarter[2])), year: year.format(Number(quarter[1])) });
        const monthly = /^(\d{4})-(\d{2})$/.exec(label);
        if (monthly) return month.format(new Date(Date.UTC(Number(monthly[1]), Number(monthly[2]) - 1, 1)));
        return label;
      },
    };
  }, [format, currency, t]);
}

export type AnalysisFormat = ReturnType<typeof useAnalysisFormat>;
