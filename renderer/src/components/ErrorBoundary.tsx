import { Component, useState, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { logRendererError } from '../api/log';

interface Props {
  /** What this part is ("customers/drawer", "ladder/whale-curve"): in the log and the copied details. */
  area: string;
  /** A screen fills the main area; a panel (chart, grid, drawer) keeps its place in the page. */
  variant?: 'screen' | 'panel';
  children: ReactNode;
}

interface State {
  error: Error | null;
  componentStack: string | null;
}

/**
 * Keeps a failing part from taking the window with it: what is inside shows a short message in the
 * person's language with "Copy details" and "Try again", the rest of the app keeps working, and the
 * error with its stacks goes to the log. A new `key` (another customer, another screen) starts over.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, componentStack: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.setState({ componentStack: info.componentStack ?? null });
    logRendererError(this.props.area, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error, componentStack } = this.state;
    if (!error) return this.props.children;
    return <Failed area={this.props.area} variant={this.props.variant ?? 'panel'} error={error} componentStack={componentStack} onRetry={() => this.setState({ error: null, componentStack: null })} />;
  }
}

function Failed({ area, variant, error, componentStack, onRetry }: { area: string; variant: 'screen' | 'panel'; error: Error; componentStack: string | null; onRetry: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    const details = [`Value Ladder — ${area}`, new Date().toISOString(), `${error.name}: ${error.message}`, error.stack ?? '', componentStack ?? ''].filter(Boolean).join('\n');
    navigator.clipboard.writeText(details).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className={`failed failed--${variant}`} role="alert" data-testid="part-failed" data-area={area}>
      <strong>{t(variant === 'screen' ? 'errors.boundary.screenTitle' : 'errors.boundary.panelTitle')}</strong>
      <p className="muted">{t('errors.boundary.body')}</p>
      <div className="failed__actions">
        <button type="button" className="button button--quiet" onClick={copy}>
          {copied ? t('errors.boundary.copied') : t('errors.boundary.copy')}
        </button>
        <button type="button" className="button button--quiet" onClick={onRetry}>
          {t('errors.boundary.retry')}
        </button>
      </div>
    </div>
  );
}
