-- Custom SQL migration file, put your code below! --
-- hand-written:
-- Name search keys now fold accents and apostrophes as well as case (src/shared/names.ts): rebuild
-- the stored keys of every existing patient with the same function, which the migration runner
-- registers on the connection (src/main/db/migrate.ts) so the keys match what new saves write.
UPDATE patient SET
  family_key = pacewise_fold_name(family_name),
  given_key = pacewise_fold_name(given_name),
  preferred_key = CASE WHEN preferred_name IS NULL THEN NULL ELSE pacewise_fold_name(preferred_name) END;
