import { z } from 'zod';
import type { LocalTerms } from '../clinical/localTerms';
import { dateOrders, type DateDisplay } from '../dates';
import { channel } from './define';
import { choice, requiredText } from './fields';

/** The clinic's saved date format; null until someone chooses one (then the computer's locale decides). */
export interface ClinicDateFormat {
  saved: DateDisplay | null;
}

/** The clinic's words for services the sources name only in NHS terms; `saved` is null while the defaults apply. */
export interface LocalTermsView {
  terms: LocalTerms;
  saved: LocalTerms | null;
}

export const displayChannels = {
  'display.dateFormat': channel(z.object({}).strict()).returns<ClinicDateFormat>(),
  'display.setDateFormat': channel(
    z.object({
      /** Null goes back to following this computer's locale. */
      format: z.object({ order: choice('date order', dateOrders), monthNames: z.boolean() }).nullable(),
    }),
  ).returns<ClinicDateFormat>(),
  'display.localTerms': channel(z.object({}).strict()).returns<LocalTermsView>(),
  /** Administrator only: the words are clinic policy. Null goes back to the defaults. */
  'display.setLocalTerms': channel(
    z.object({
      terms: z
        .object({
          spinalCordCompression: requiredText('contact for suspected spinal cord compression', 200),
          neutropenicSepsis: requiredText('contact for suspected neutropenic sepsis', 200),
        })
        .nullable(),
    }),
  ).returns<LocalTermsView>(),
} as const;
