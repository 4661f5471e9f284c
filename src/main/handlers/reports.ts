import type { reportsChannels } from '../../shared/contract/reports';
import { clinicReportFor, exportClinicReportPdf } from '../services/reports/reports';
import type { HandlersFor } from './types';

export const reportsHandlers: HandlersFor<typeof reportsChannels> = {
  'reports.clinic': (ctx, input) => clinicReportFor(ctx, input),
  'reports.exportClinicPdf': (ctx, input) => exportClinicReportPdf(ctx, input),
};
