export * from './fractureRisk';
export * from './skeletalRisk';
export * from './treatmentCycle';
export * from './clearance';
export * from './medications';
export * from './patientAlerts';
