import type { Bilingual, Lang } from './i18n';

/**
 * The explorer's only way to the data: the public GraphQL API at this origin's /graphql, the same one any other
 * frontend would use. Texts are asked for in both languages at once (field aliases), so switching the language
 * redraws without another request.
 */

export interface GraphNode {
  slug: string;
  kind: string;
  name: Bilingual;
}

export interface GraphEdge {
  type: string;
  from: string;
  to: string;
  description: Bilingual | null;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

export interface Flag {
  flag: string;
  meaning: Bilingual;
}

/** Where the study note is wrong: its claim, marked as such, and the truth with a reference. */
export interface CorrectionText {
  noteSays: Bilingual;
  truth: Bilingual;
  reference: string;
}

export interface ConceptDetails extends GraphNode {
  summary: Bilingual;
  details: Bilingual | null;
  correction: CorrectionText | null;
  aliases: { ko: string[]; en: string[] };
  tags: string[];
  source: string;
  syntax: string | null;
  degree: number;
  flags: Flag[];
}

export interface SearchHit extends GraphNode {
  summary: Bilingual;
}

export interface PathResult {
  length: number;
  /** One sentence per step, in walking order. */
  explanation: { ko: string[]; en: string[] };
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** An error the API answered with; `code` is its extensions.code (NOT_FOUND, BAD_USER_INPUT, ...). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    /** With RATE_LIMITED: how long to wait before asking again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; retryAfterSeconds?: number } }[];
}

/**
 * One GraphQL request to this origin's API; an error in the answer becomes an ApiError. `headers` carries a learner
 * token (`authorization`) for the learner's own data; the public graph needs none.
 */
export async function request<T>(
  query: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(`HTTP ${response.status}`, undefined);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code, first.extensions?.retryAfterSeconds);
  if (!body.data) throw new ApiError(`HTTP ${response.status}: empty answer`, undefined);
  return body.data;
}

const NODE_FIELDS = `slug kind nameKo: name(lang: KO) nameEn: name(lang: EN)`;
const EDGE_FIELDS = `type from { slug } to { slug } descriptionKo: description(lang: KO) descriptionEn: description(lang: EN)`;

interface RawNode {
  slug: string;
  kind: string;
  nameKo: string;
  nameEn: string;
}

interface RawEdge {
  type: string;
  from: { slug: string };
  to: { slug: string };
  descriptionKo: string | null;
  descriptionEn: string | null;
}

function toNode(raw: RawNode): GraphNode {
  return { slug: raw.slug, kind: raw.kind, name: { ko: raw.nameKo, en: raw.nameEn } };
}

function toEdge(raw: RawEdge): GraphEdge {
  const description =
    raw.descriptionKo || raw.descriptionEn ? { ko: raw.descriptionKo ?? '', en: raw.descriptionEn ?? '' } : null;
  return { type: raw.type, from: raw.from.slug, to: raw.to.slug, description };
}

const SEARCH = `query ExplorerSearch($query: String!, $first: Int, $lang: Lang) {
  searchAnswer(query: $query, first: $first, lang: $lang) {
    didYouMean
    hits { score concept { ${NODE_FIELDS} summaryKo: summary(lang: KO) summaryEn: summary(lang: EN) } }
  }
}`;

/** The hits of a search, and the text it searched for instead when the learner's looked misspelled. */
export interface SearchResult {
  hits: SearchHit[];
  didYouMean: string | null;
}

/** `lang` only ranks (names in it weigh more); matching covers both languages. */
export async function search(query: string, lang: Lang, signal?: AbortSignal): Promise<SearchResult> {
  type Raw = {
    searchAnswer: {
      didYouMean: string | null;
      hits: { concept: RawNode & { summaryKo: string; summaryEn: string } }[];
    };
  };
  const data = await request<Raw>(SEARCH, { query, first: 8, lang }, signal);
  return {
    didYouMean: data.searchAnswer.didYouMean,
    hits: data.searchAnswer.hits.map(({ concept }) => ({
      ...toNode(concept),
      summary: { ko: concept.summaryKo, en: concept.summaryEn },
    })),
  };
}

const NEIGHBORHOOD = `query ExplorerNeighborhood($slug: String!, $depth: Int, $limit: Int) {
  neighborhood(slug: $slug, depth: $depth, limit: $limit) {
    truncated
    nodes { ${NODE_FIELDS} }
    edges { ${EDGE_FIELDS} }
  }
}`;

/** The concept and the concepts one step away from it. */
export async function neighborhood(slug: string, limit = 40): Promise<Subgraph> {
  type Raw = { neighborhood: { truncated: boolean; nodes: RawNode[]; edges: RawEdge[] } };
  const data = await request<Raw>(NEIGHBORHOOD, { slug, depth: 1, limit });
  return {
    truncated: data.neighborhood.truncated,
    nodes: data.neighborhood.nodes.map(toNode),
    edges: data.neighborhood.edges.map(toEdge),
  };
}

const CONCEPT = `query ExplorerConcept($slug: String!) {
  concept(slug: $slug) {
    ${NODE_FIELDS}
    summaryKo: summary(lang: KO) summaryEn: summary(lang: EN)
    detailsKo: details(lang: KO) detailsEn: details(lang: EN)
    aliasesKo: aliases(lang: KO) aliasesEn: aliases(lang: EN)
    tags source syntax degree
    flags { flag meaningKo: meaning(lang: KO) meaningEn: meaning(lang: EN) }
    correction { noteSaysKo: noteSays(lang: KO) noteSaysEn: noteSays(lang: EN) truthKo: truth(lang: KO) truthEn: truth(lang: EN) reference }
  }
}`;

export async function concept(slug: string): Promise<ConceptDetails> {
  type Raw = {
    concept:
      | (RawNode & {
          summaryKo: string;
          summaryEn: string;
          detailsKo: string | null;
          detailsEn: string | null;
          aliasesKo: string[];
          aliasesEn: string[];
          tags: string[];
          source: string;
          syntax: string | null;
          degree: number;
          flags: { flag: string; meaningKo: string; meaningEn: string }[];
          correction: {
            noteSaysKo: string;
            noteSaysEn: string;
            truthKo: string;
            truthEn: string;
            reference: string;
          } | null;
        })
      | null;
  };
  const { concept: raw } = await request<Raw>(CONCEPT, { slug });
  if (!raw) throw new ApiError(`no concept "${slug}"`, 'NOT_FOUND');
  return {
    ...toNode(raw),
    summary: { ko: raw.summaryKo, en: raw.summaryEn },
    details: raw.detailsKo || raw.detailsEn ? { ko: raw.detailsKo ?? '', en: raw.detailsEn ?? '' } : null,
    aliases: { ko: raw.aliasesKo, en: raw.aliasesEn },
    tags: raw.tags,
    source: raw.source,
    syntax: raw.syntax,
    degree: raw.degree,
    flags: raw.flags.map((f) => ({ flag: f.flag, meaning: { ko: f.meaningKo, en: f.meaningEn } })),
    correction: raw.correction
      ? {
          noteSays: { ko: raw.correction.noteSaysKo, en: raw.correction.noteSaysEn },
          truth: { ko: raw.correction.truthKo, en: raw.correction.truthEn },
          reference: raw.correction.reference,
        }
      : null,
  };
}

const PATHS = `query ExplorerPaths($from: String!, $to: String!, $first: Int) {
  paths(from: $from, to: $to, first: $first) {
    length
    explanationKo: explanation(lang: KO) explanationEn: explanation(lang: EN)
    nodes { ${NODE_FIELDS} }
    relations { ${EDGE_FIELDS} }
  }
}`;

/** The shortest ways from one concept to another, shortest first. */
export async function paths(from: string, to: string): Promise<PathResult[]> {
  type Raw = {
    paths: {
      length: number;
      explanationKo: string[];
      explanationEn: string[];
      nodes: RawNode[];
      relations: RawEdge[];
    }[];
  };
  const data = await request<Raw>(PATHS, { from, to, first: 3 });
  return data.paths.map((p) => ({
    length: p.length,
    explanation: { ko: p.explanationKo, en: p.explanationEn },
    nodes: p.nodes.map(toNode),
    edges: p.relations.map(toEdge),
  }));
}

/** The path's sentences in one language (the other when that one has none). */
export function sentencesOf(path: PathResult, lang: Lang): string[] {
  const [first, second] =
    lang === 'KO' ? [path.explanation.ko, path.explanation.en] : [path.explanation.en, path.explanation.ko];
  return first.length > 0 ? first : second;
}
