// Constraints of the knowledge graph. Applied on every start; every statement is idempotent (IF NOT EXISTS).
CREATE CONSTRAINT concept_slug_unique IF NOT EXISTS
FOR (c:Concept) REQUIRE c.slug IS UNIQUE;

CREATE CONSTRAINT comparison_slug_unique IF NOT EXISTS
FOR (c:Comparison) REQUIRE c.slug IS UNIQUE;

CREATE CONSTRAINT seed_state_key_unique IF NOT EXISTS
FOR (s:SeedState) REQUIRE s.key IS UNIQUE;
