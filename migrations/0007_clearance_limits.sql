ALTER TABLE `clearance` ADD `rpe_ceiling` integer;--> statement-breakpoint
ALTER TABLE `clearance` ADD `hr_ceiling` integer;--> statement-breakpoint
ALTER TABLE `clearance` ADD `avoid_tags` text;--> statement-breakpoint
ALTER TABLE `clearance` ADD `no_group_sessions` integer DEFAULT false NOT NULL;