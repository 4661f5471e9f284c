ALTER TABLE `clinician` ADD `role` text DEFAULT 'clinician' NOT NULL;--> statement-breakpoint
ALTER TABLE `clinician` ADD `login` text;--> statement-breakpoint
ALTER TABLE `clinician` ADD `pin_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `clinician_login_unique` ON `clinician` (`login`);