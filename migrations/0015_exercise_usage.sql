CREATE TABLE `exercise_usage` (
	`exercise_id` text PRIMARY KEY NOT NULL,
	FOREIGN KEY (`exercise_id`) REFERENCES `exercise`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- hand-written: every exercise already logged, read while the old index still serves the lookup;
-- then the triggers keep the table in step with every way a row is logged or changed.
INSERT INTO `exercise_usage` (`exercise_id`) SELECT DISTINCT `exercise_id` FROM `exercise_entry`;--> statement-breakpoint
CREATE TRIGGER `exercise_entry_marks_usage` AFTER INSERT ON `exercise_entry`
BEGIN INSERT OR IGNORE INTO `exercise_usage` (`exercise_id`) VALUES (NEW.`exercise_id`); END;--> statement-breakpoint
CREATE TRIGGER `exercise_entry_change_marks_usage` AFTER UPDATE OF `exercise_id` ON `exercise_entry`
BEGIN INSERT OR IGNORE INTO `exercise_usage` (`exercise_id`) VALUES (NEW.`exercise_id`); END;--> statement-breakpoint
DROP INDEX `exercise_entry_exercise`;
