import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface Props {
  /** The button's content. */
  label: ReactNode;
  /** The panel's accessible name. */
  title: string;
  children: ReactNode | ((close: () => void) => ReactNode);
  /** Which edge of the button the panel lines up with. */
  align?: 'start' | 'end';
  active?: boolean;
  testId?: string;
  buttonClassName?: string;
}

/** A button that opens a small panel below it; closed by a click outside, Escape, or the panel itself. */
export function Popover({ label, title, children, align = 'start', active = false, testId, buttonClassName = '' }: Props) {
  const [open, setOpen] = useState(false);
  const host = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!host.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open]);
  const close = () => setOpen(false);
  return (
    <div className="popover" ref={host}>
      <button
        ref={button}
        type="button"
        className={`button menu-button${active ? ' menu-button--active' : ''} ${buttonClassName}`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((value) => !value)}
        data-testid={testId}
      >
        {label}
        <span className="menu-button__caret" aria-hidden="true" />
      </button>
      {open ? (
        <div id={panelId} className={`popover__panel popover__panel--${align}`} role="dialog" aria-label={title} data-testid={testId ? `${testId}-panel` : undefined}>
          {typeof children === 'function' ? children(close) : children}
        </div>
      ) : null}
    </div>
  );
}
