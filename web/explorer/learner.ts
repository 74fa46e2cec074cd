import { ApiError, type GraphNode, request } from './api';

/**
 * The demo learner's progress, read the way a learning frontend's page reads its learner's: with a short-lived
 * learner token that its own server hands it, never with the frontend key. In development the API itself stands in
 * for that server (`POST /dev/demo/token`); elsewhere the route does not exist and the explorer has no progress view.
 */

export type ProgressState = 'NEW' | 'LEARNING' | 'REVIEW' | 'MASTERED';

export const PROGRESS_STATES: readonly ProgressState[] = ['NEW', 'LEARNING', 'REVIEW', 'MASTERED'];

export interface ProgressSummary {
  new: number;
  learning: number;
  review: number;
  mastered: number;
  total: number;
  percent: number;
}

export interface SectionShare {
  section: string;
  total: number;
  known: number;
  percent: number;
}

export interface DueReview {
  concept: GraphNode;
  state: ProgressState;
  retrievability: number;
}

export interface NextStep {
  concept: GraphNode;
  state: ProgressState;
  unlocks: number;
}

export interface Dashboard {
  learnerId: string;
  summary: ProgressSummary;
  /** The state of every concept the learner reviewed; a concept missing here is NEW. */
  states: Map<string, ProgressState>;
  sections: SectionShare[];
  due: DueReview[];
  dueTotal: number;
  next: NextStep[];
  nextTotal: number;
}

interface Token {
  learnerId: string;
  token: string;
}

/** The token route answered, but not with a token (the database away, the key revoked): the error it gave. */
async function tokenError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    const first = body.errors?.[0];
    if (first) return new ApiError(first.message, first.extensions?.code);
  } catch {
    // Not JSON: the status is all there is to say.
  }
  return new ApiError(`HTTP ${response.status}`, undefined);
}

const PAGE = 100;
const NODE_FIELDS = `slug kind nameKo: name(lang: KO) nameEn: name(lang: EN)`;

/**
 * The whole dashboard in one request. Concepts never reviewed are NEW, so only the three other states are listed,
 * each up to one page of the API's default maximum (100): the whole graph (about 110 concepts) would not fit in one,
 * and a learner with more than 100 concepts in one state would see the rest painted as new. The summary counts the
 * whole graph.
 */
const DASHBOARD = `query ExplorerProgress($id: ID!) {
  learner(id: $id) {
    learning: progress(state: LEARNING, first: ${PAGE}) { edges { node { slug } } }
    review: progress(state: REVIEW, first: ${PAGE}) { edges { node { slug } } }
    mastered: progress(state: MASTERED, first: ${PAGE}) {
      summary { new learning review mastered total percent }
      edges { node { slug } }
    }
    sections(first: ${PAGE}) { edges { node { section total review mastered percent } } }
    dueReviews(first: 20) { totalCount edges { node { state retrievability concept { ${NODE_FIELDS} } } } }
    nextConcepts(first: 10) { totalCount edges { node { state unlocks concept { ${NODE_FIELDS} } } } }
  }
}`;

interface RawNode {
  slug: string;
  kind: string;
  nameKo: string;
  nameEn: string;
}

interface RawDashboard {
  learner: {
    learning: { edges: { node: { slug: string } }[] };
    review: { edges: { node: { slug: string } }[] };
    mastered: { summary: ProgressSummary; edges: { node: { slug: string } }[] };
    sections: {
      edges: { node: { section: string; total: number; review: number; mastered: number; percent: number } }[];
    };
    dueReviews: {
      totalCount: number;
      edges: { node: { state: ProgressState; retrievability: number; concept: RawNode | null } }[];
    };
    nextConcepts: {
      totalCount: number;
      edges: { node: { state: ProgressState; unlocks: number; concept: RawNode } }[];
    };
  };
}

function toNode(raw: RawNode): GraphNode {
  return { slug: raw.slug, kind: raw.kind, name: { ko: raw.nameKo, en: raw.nameEn } };
}

function toDashboard(learnerId: string, raw: RawDashboard): Dashboard {
  const { learner } = raw;
  const states = new Map<string, ProgressState>();
  for (const [state, list] of [
    ['LEARNING', learner.learning],
    ['REVIEW', learner.review],
    ['MASTERED', learner.mastered],
  ] as const) {
    for (const edge of list.edges) states.set(edge.node.slug, state);
  }
  return {
    learnerId,
    summary: learner.mastered.summary,
    states,
    sections: learner.sections.edges.map(({ node }) => ({
      section: node.section,
      total: node.total,
      known: node.review + node.mastered,
      percent: node.percent,
    })),
    // Retired concepts are never due; the filter only keeps the types honest.
    due: learner.dueReviews.edges.flatMap(({ node }) =>
      node.concept ? [{ concept: toNode(node.concept), state: node.state, retrievability: node.retrievability }] : [],
    ),
    dueTotal: learner.dueReviews.totalCount,
    next: learner.nextConcepts.edges.map(({ node }) => ({
      concept: toNode(node.concept),
      state: node.state,
      unlocks: node.unlocks,
    })),
    nextTotal: learner.nextConcepts.totalCount,
  };
}

/** The demo learner as the page knows it: a token from the development server, renewed when the API refuses it. */
export class DemoLearner {
  private token: Token | null = null;

  constructor(private readonly tokenUrl = '/dev/demo/token') {}

  /**
   * The demo learner of a development server, which marks the explorer's page for it (`data-dev-demo` on the body);
   * null anywhere else (production, DEV_DEMO off), where the token route does not exist either.
   */
  static ofPage(body: HTMLElement): DemoLearner | null {
    return body.dataset.devDemo === 'on' ? new DemoLearner() : null;
  }

  private async renew(): Promise<Token> {
    const response = await fetch(this.tokenUrl, { method: 'POST', headers: { accept: 'application/json' } });
    if (!response.ok) throw await tokenError(response);
    this.token = (await response.json()) as Token;
    return this.token;
  }

  /**
   * One GraphQL request for the whole dashboard. A token the API refuses (expired, or signed before the server
   * restarted with another secret) is renewed once and the request sent again; a second refusal is the answer.
   */
  async dashboard(): Promise<Dashboard> {
    let token = this.token ?? (await this.renew());
    const load = (t: Token) =>
      request<RawDashboard>(DASHBOARD, { id: t.learnerId }, undefined, { authorization: `Bearer ${t.token}` });
    let raw: RawDashboard;
    try {
      raw = await load(token);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'UNAUTHENTICATED') throw error;
      token = await this.renew();
      raw = await load(token);
    }
    return toDashboard(token.learnerId, raw);
  }
}
