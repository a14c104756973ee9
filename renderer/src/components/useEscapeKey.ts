import { useEffect } from 'react';

/**
 * Calls `onEscape` when Escape is pressed while the component is shown, before anything under it
 * (a grid, a popover) sees the key: the dialog on top closes first.
 */
export function useEscapeKey(onEscape: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      onEscape();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [onEscape]);
}
