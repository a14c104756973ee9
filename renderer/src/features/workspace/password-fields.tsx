import type { ReactNode } from 'react';

/** A message under a field that is wrong, read out when it appears. */
export function ErrorText({ children }: { children: ReactNode }) {
  return (
    <p className="field-error" role="alert">
      {children}
    </p>
  );
}
