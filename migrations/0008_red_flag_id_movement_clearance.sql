CREATE TABLE `movement_clearance` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`tag` text NOT NULL,
	`reason` text NOT NULL,
	`withdrawn_at` text,
	`withdrawn_by` text,
	`withdrawn_reason` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `movement_clearance_patient` ON `movement_clearance` (`patient_id`,`withdrawn_at`);--> statement-breakpoint
ALTER TABLE `adverse_event` ADD `red_flag_id` text;--> statement-breakpoint
-- hand-written:
-- Backfill (issue 11): red-flag incidents opened before red_flag_id existed are matched to their
-- flag by the description the screen wrote ("Red flag at pre-session screen: <label>").
UPDATE `adverse_event` SET `red_flag_id` = CASE `description`
  WHEN 'Red flag at pre-session screen: Chest pain or pressure' THEN 'chest_pain'
  WHEN 'Red flag at pre-session screen: Dizziness or fainting' THEN 'dizziness_fainting'
  WHEN 'Red flag at pre-session screen: Severe breathlessness' THEN 'severe_breathlessness'
  WHEN 'Red flag at pre-session screen: Irregular or racing heartbeat' THEN 'irregular_heartbeat'
  WHEN 'Red flag at pre-session screen: Sudden swelling or calf pain (suspected DVT/PE)' THEN 'suspected_dvt_pe'
  WHEN 'Red flag at pre-session screen: New or worsening bone pain' THEN 'bone_pain'
  WHEN 'Red flag at pre-session screen: Confusion' THEN 'confusion'
  WHEN 'Red flag at pre-session screen: Fever or acute infection' THEN 'fever_infection'
  WHEN 'Red flag at pre-session screen: Signs of spinal cord compression' THEN 'spinal_cord_compression'
END
WHERE `red_flag` = 1 AND `red_flag_id` IS NULL AND `session_id` IS NOT NULL;--> statement-breakpoint
-- Seeded exercises keep the clinic's edits, so the new tags are appended, not rewritten: single-leg and
-- balance work (boneRestrictions.ts) on the starter exercises that are such work.
UPDATE `exercise` SET `tags_json` = json_insert(`tags_json`, '$[#]', 'single_leg_balance')
WHERE `starter_key` IN ('step_ups', 'supported_split_squat', 'standing_calf_raise', 'standing_hip_abduction', 'supported_standing_balance', 'tandem_stance', 'supported_single_leg_stance', 'heel_toe_walk', 'tai_chi_weight_shift', 'tai_chi_cloud_hands')
  AND NOT EXISTS (SELECT 1 FROM json_each(`exercise`.`tags_json`) WHERE `value` = 'single_leg_balance');--> statement-breakpoint
-- Every standing weight-bearing exercise, the clinic's own included, loads the legs standing (withDerivedTags).
UPDATE `exercise` SET `tags_json` = json_insert(`tags_json`, '$[#]', 'standing_lower_limb_load')
WHERE `position` = 'standing' AND `weight_bearing` = 1
  AND NOT EXISTS (SELECT 1 FROM json_each(`exercise`.`tags_json`) WHERE `value` = 'standing_lower_limb_load');