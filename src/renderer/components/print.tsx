import { useEffect } from 'react';

// Printing hides the app's chrome (navigation, header, buttons) and keeps the content only.
const printCss = `@media print {
  .mantine-AppShell-navbar, .mantine-AppShell-header, .pacewise-no-print { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; }
}`;

/** The print stylesheet for a screen that can be printed; mark its buttons `pacewise-no-print`. */
export function PrintStyles() {
  return <style>{printCss}</style>;
}

/**
 * Paper is white: a page printed while the app is dark would come out as pale text on white, so
 * the light palette is swapped in for the print and the clinician's choice restored after.
 */
export function usePrintInLight() {
  useEffect(() => {
    const root = document.documentElement;
    let previous: string | null = null;
    const before = () => {
      previous = root.getAttribute('data-mantine-color-scheme');
      root.setAttribute('data-mantine-color-scheme', 'light');
    };
    const after = () => {
      if (previous) root.setAttribute('data-mantine-color-scheme', previous);
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
}
