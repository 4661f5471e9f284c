import { Box } from '@mantine/core';
import {
  createContext,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { flushSync } from 'react-dom';

/**
 * Charts are drawn when they come near the window, not all at once on opening: each costs a few
 * milliseconds (hundreds of SVG elements for a long record), and the Progress screen has a dozen
 * or more, most of them below the first screenful. Printing draws every one first.
 */
const DrawAll = createContext(false);

/** Prints the screen once every chart is drawn (two frames: the charts measure their boxes first). */
const PrintAll = createContext<() => void>(() => window.print());

export const usePrintWithCharts = () => useContext(PrintAll);

/** How far below the window a chart starts drawing, so it is there by the time it scrolls in. */
const AHEAD = '400px 0px';

/** Draws every chart at once while printing (the Print button, the browser's print, print media). */
export function DrawAllWhenPrinting({ children }: { children: ReactNode }) {
  const [all, setAll] = useState(() => window.matchMedia('print').matches);
  useEffect(() => {
    // Synchronously, so the print layout that follows `beforeprint` already has the charts.
    const drawAll = () => flushSync(() => setAll(true));
    const media = window.matchMedia('print');
    const onMedia = () => media.matches && drawAll();
    window.addEventListener('beforeprint', drawAll);
    media.addEventListener('change', onMedia);
    return () => {
      window.removeEventListener('beforeprint', drawAll);
      media.removeEventListener('change', onMedia);
    };
  }, []);
  const print = useCallback(() => {
    flushSync(() => setAll(true));
    requestAnimationFrame(() => requestAnimationFrame(() => window.print()));
  }, []);
  return (
    <PrintAll.Provider value={print}>
      <DrawAll.Provider value={all}>{children}</DrawAll.Provider>
    </PrintAll.Provider>
  );
}

/** Keeps `height` pixels for the chart and draws it once it is within `AHEAD` of the window (then keeps it). */
export function DrawWhenNear({ height, children }: { height: number; children: ReactNode }) {
  const drawAll = useContext(DrawAll);
  const [near, setNear] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (near || drawAll || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries.find((e) => e.isIntersecting);
        if (!entry) return;
        // In the window: drawn now. Only in the margin below it: drawn as interruptible background
        // work, so it never holds up the paint of what the clinician is looking at.
        const inWindow = entry.boundingClientRect.top < window.innerHeight && entry.boundingClientRect.bottom > 0;
        if (inWindow) setNear(true);
        else startTransition(() => setNear(true));
      },
      { rootMargin: AHEAD },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, drawAll]);
  return (
    <Box ref={box} mih={height} data-chart-drawn={near || drawAll ? 'yes' : 'not yet'}>
      {near || drawAll ? children : null}
    </Box>
  );
}
