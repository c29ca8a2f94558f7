-- The birthday gift: the first sign-in on the member's birthday earns this bonus, once a year.
ALTER TABLE signin_rule ADD COLUMN birthday_bonus_points BIGINT NOT NULL DEFAULT 0;
