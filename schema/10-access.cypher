// Frontends, their learners and learner data. The seeder never touches these labels.
CREATE CONSTRAINT frontend_id_unique IF NOT EXISTS
FOR (f:Frontend) REQUIRE f.id IS UNIQUE;

CREATE INDEX frontend_key_prefix IF NOT EXISTS
FOR (f:Frontend) ON (f.keyPrefix);

CREATE CONSTRAINT learner_key_unique IF NOT EXISTS
FOR (l:Learner) REQUIRE (l.frontendId, l.learnerId) IS UNIQUE;

CREATE INDEX learner_data_owner IF NOT EXISTS
FOR (d:LearnerData) ON (d.frontendId, d.learnerId);
