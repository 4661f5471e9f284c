import { createContext, Fragment, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import {
  clockTime,
  defaultDateOrderFor,
  formatDateAs,
  formatInstantAs,
  type ClinicDate,
  type DateDisplay,
} from '../shared/dates';
import { api } from './api';

/** What this computer's locale suggests, used until the clinic saves a format of its own. */
export function localeDateDisplay(): DateDisplay {
  return { order: defaultDateOrderFor(navigator.language || 'en'), monthNames: true };
}

// Read by formatClinicDate, which many non-component helpers call; set only when the clinic's
// format is loaded or saved, and the screens below are redrawn then (see the keyed Fragment).
let current: DateDisplay = localeDateDisplay();

/** A clinic date as the clinic shows dates ("30 Nov 2026" by default in Australia). */
export function formatClinicDate(date: ClinicDate | null | undefined): string {
  return formatDateAs(date, current);
}

/** An instant's local time on the 24-hour clock, never the locale's "9:56:41 pm": "21:56", or "21:56:41". */
export function formatClockTime(iso: string, options: { seconds?: boolean } = {}): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : clockTime(at, options);
}

/** An instant as the clinic's date and the local 24-hour time: "27 Nov 2026, 09:17" (or 09:17:05 with seconds). */
export function formatClinicInstant(iso: string | null | undefined, options: { seconds?: boolean } = {}): string {
  return formatInstantAs(iso, current, options);
}

interface ClinicDateFormatValue {
  display: DateDisplay;
  /** Null when the clinic has not chosen: the locale decides. */
  saved: DateDisplay | null;
  localeDefault: DateDisplay;
  save(format: DateDisplay | null): Promise<void>;
}

const ClinicDateFormatContext = createContext<ClinicDateFormatValue | null>(null);

export function useClinicDateFormat(): ClinicDateFormatValue {
  return (
    useContext(ClinicDateFormatContext) ?? {
      display: current,
      saved: null,
      localeDefault: localeDateDisplay(),
      save: () => Promise.reject(new Error('The date format is set in Settings')),
    }
  );
}

export function ClinicDateFormatProvider({ children }: { children: ReactNode }) {
  const [saved, setSaved] = useState<DateDisplay | null | undefined>(undefined);
  const apply = useCallback((next: DateDisplay | null) => {
    current = next ?? localeDateDisplay();
    setSaved(next);
  }, []);
  useEffect(() => {
    api.display
      .dateFormat({})
      .then((r) => apply(r.saved))
      .catch(() => apply(null));
  }, [apply]);
  const save = useCallback(
    async (format: DateDisplay | null) => apply((await api.display.setDateFormat({ format })).saved),
    [apply],
  );
  if (saved === undefined) return null;
  const display = saved ?? localeDateDisplay();
  return (
    <ClinicDateFormatContext.Provider value={{ display, saved, localeDefault: localeDateDisplay(), save }}>
      {/* A new format redraws every screen, so no date stays in the old one. */}
      <Fragment key={`${display.order}-${display.monthNames}`}>{children}</Fragment>
    </ClinicDateFormatContext.Provider>
  );
}
