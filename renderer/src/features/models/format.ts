import { useMemo } from 'react';
import { useAnalysisFormat } from '../analysis/format';

/** The analysis formats plus what model figures need: parameters to four significant digits, signed percentages. */
export function useModelFormat() {
  const f = useAnalysisFormat();
  return useMemo(() => {
    const significant = new Intl.NumberFormat(f.tag, { maximumSignificantDigits: 4 });
    const fixed = new Intl.NumberFormat(f.tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const signedPercent = new Intl.NumberFormat(f.tag, { style: 'percent', signDisplay: 'exceptZero', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const threeDecimals = new Intl.NumberFormat(f.tag, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
    return {
      ...f,
      /** A parameter or a standard error: four significant digits. */
      significant: (value: number) => significant.format(value),
      fixed1: (value: number) => fixed.format(value),
      threeDecimals: (value: number) => threeDecimals.format(value),
      /** A percentage given in percent points (12.3 → "+12.3%"). */
      signedPercentPoints: (value: number) => signedPercent.format(value / 100),
    };
  }, [f]);
}

export type ModelFormat = ReturnType<typeof useModelFormat>;
