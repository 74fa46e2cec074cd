// Learner memory: one ConceptMemory per learner and concept, one Review per review. Both are LearnerData: they name
// their learner by (frontendId, learnerId) and their concept by slug only, so a re-seed never deletes them.
// Applied on every start; every statement is idempotent (IF NOT EXISTS).
CREATE CONSTRAINT concept_memory_unique IF NOT EXISTS
FOR (m:ConceptMemory) REQUIRE (m.frontendId, m.learnerId, m.concept) IS UNIQUE;

// A retried review with the same idempotency key finds the first one; two at once cannot both be written.
CREATE CONSTRAINT review_idempotency_unique IF NOT EXISTS
FOR (r:Review) REQUIRE (r.frontendId, r.learnerId, r.idempotencyKey) IS UNIQUE;
