ALTER TABLE `patient_details` ADD `lvef_percent` integer;--> statement-breakpoint
ALTER TABLE `patient_details` ADD `lvef_measured_on` text;--> statement-breakpoint
ALTER TABLE `measure_result` ADD `override_note` text;