import type { sessionsChannels } from '../../shared/contract/sessions';
import * as adverseEvents from '../services/sessions/adverseEvents';
import * as exercises from '../services/sessions/exercises';
import { patientHandout } from '../services/sessions/handout';
import * as history from '../services/sessions/history';
import * as movementClearance from '../services/sessions/movementClearance';
import * as plans from '../services/sessions/plans';
import * as record from '../services/sessions/record';
import * as safety from '../services/sessions/safety';
import * as today from '../services/sessions/today';
import type { HandlersFor } from './types';

export const sessionsHandlers: HandlersFor<typeof sessionsChannels> = {
  'exercises.list': (ctx, input) => exercises.listExercises(ctx, input.includeRetired),
  'exercises.add': (ctx, input) => exercises.addExercise(ctx, input),
  'exercises.update': (ctx, input) => exercises.updateExercise(ctx, input),
  'exercises.retire': (ctx, input) => exercises.retireExercise(ctx, input.exerciseId, input.retired),
  'safety.thresholds': (ctx) => safety.thresholdsView(ctx),
  'safety.setThresholds': (ctx, input) => safety.setThresholds(ctx, input),
  'today.list': (ctx, input) => today.todayList(ctx, input.date),
  'bookings.create': (ctx, input) => today.createBooking(ctx, input),
  'bookings.setAttendance': (ctx, input) => today.setAttendance(ctx, input),
  'classes.create': (ctx, input) => today.createClass(ctx, input),
  'classes.get': (ctx, input) => today.getClass(ctx, input.classId),
  'sessions.get': (ctx, input) => record.getSession(ctx, input.sessionId),
  'sessions.saveDraft': (ctx, input) => record.saveDraft(ctx, input),
  'sessions.recordScreen': (ctx, input) => record.recordScreen(ctx, input),
  'sessions.sign': (ctx, input) => record.signSession(ctx, input),
  'sessions.amend': (ctx, input) => record.amendSession(ctx, input),
  'sessions.forPatient': (ctx, input) => history.patientSessions(ctx, input),
  'adverseEvents.record': (ctx, input) => adverseEvents.recordAdverseEvent(ctx, input),
  'adverseEvents.grade': (ctx, input) => adverseEvents.gradeAdverseEvent(ctx, input),
  'adverseEvents.close': (ctx, input) => adverseEvents.closeAdverseEvent(ctx, input),
  'plans.current': (ctx, input) => plans.planView(ctx, input.patientId),
  'plans.save': (ctx, input) => plans.savePlan(ctx, input),
  'plans.clearMovement': (ctx, input) => (
    movementClearance.clearMovement(ctx, input),
    plans.planView(ctx, input.patientId)
  ),
  'plans.withdrawMovementClearance': (ctx, input) => (
    movementClearance.withdrawMovementClearance(ctx, input),
    plans.planView(ctx, input.patientId)
  ),
  'plans.handout': (ctx, input) => patientHandout(ctx, input.patientId),
};
