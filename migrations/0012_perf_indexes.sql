DROP INDEX `patient_family_key`;--> statement-breakpoint
CREATE INDEX `patient_name_order` ON `patient` (`family_key`,`given_key`,`id`,`status`);