import { useMemo } from 'react';
import { useAnalysisFormat } from '../analysis/format';

/**
 * The analysis formats plus signed figures written by Intl (its sign carries the direction marks
 * right-to-left text needs: "‎+۲۵۴٬۰۰۷" in Persian).
 */
export function useWhatIfFormat() {
  const f = useAnalysisFormat();
  return useMemo(() => {
    const make = (options: Intl.NumberFormatOptions) => {
      try {
        return new Intl.NumberFormat(f.tag, f.currency ? { style: 'currency', currency: f.currency, ...options } : options);
      } catch {
        return new Intl.NumberFormat(f.tag, options);
      }
    };
    const signedWhole = make({ signDisplay: 'exceptZero', maximumFractionDigits: 0, minimumFractionDigits: 0 });
    const signedInteger = new Intl.NumberFormat(f.tag, { signDisplay: 'exceptZero', maximumFractionDigits: 0 });
    const signedPercent = new Intl.NumberFormat(f.tag, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 });
    const signedCompactMoney = make({ signDisplay: 'exceptZero', notation: 'compact', maximumFractionDigits: 1, minimumFractionDigits: 0 });
    const signedCompactNumber = new Intl.NumberFormat(f.tag, { signDisplay: 'exceptZero', notation: 'compact', maximumFractionDigits: 1 });
    return {
      ...f,
      /** Whole money with + before gains and − before losses. */
      signedWhole: (value: number) => signedWhole.format(Math.abs(value) < 0.5 ? 0 : value),
      signedInteger: (value: number) => signedInteger.format(Math.abs(value) < 0.5 ? 0 : value),
      signedPercent: (value: number) => signedPercent.format(value),
      /** The same in few characters ("+£1.2M"), where the whole figure does not fit. */
      signedCompactMoney: (value: number) => signedCompactMoney.format(Math.abs(value) < 0.5 ? 0 : value),
      signedCompactNumber: (value: number) => signedCompactNumber.format(Math.abs(value) < 0.5 ? 0 : value),
    };
  }, [f]);
}
