/**
 * Colours of relation types (edges) and concept kinds (nodes). Related types share a hue family so the legend reads
 * in groups: taxonomy in blues, comparisons in reds, the lifecycle in violets, traits in greens. Edge labels are
 * written in their relation's colour, so every relation colour keeps at least 4.5:1 contrast against white; the label
 * names the type, so colour is never the only cue.
 */
export const RELATION_COLORS: Record<string, string> = {
  IS_A: '#1d4ed8',
  EXAMPLE_OF: '#2563eb',
  PART_OF: '#4338ca',
  COMPOSED_OF: '#6d28d9',
  ALTERNATIVE_TO: '#c2410c',
  CONTRASTS_WITH: '#b91c1c',
  RUNS_ON: '#0f766e',
  SHARES: '#0e7490',
  USES: '#047857',
  ENABLES: '#166534',
  SUPPORTS: '#3f6212',
  DEPENDS_ON: '#9f1239',
  TARGETS: '#7c2d12',
  LISTED_BY: '#155e75',
  STORED_IN: '#854d0e',
  OVERLAPS_WITH: '#6b21a8',
  LEARN_AFTER: '#78716c',
  BUILT_FROM: '#a16207',
  DEFINED_BY: '#9a3412',
  CREATES: '#be185d',
  UPDATES: '#a21caf',
  HAS_BENEFIT: '#15803d',
  HAS_CHARACTERISTIC: '#4d7c0f',
  HAS_STAGE: '#7c3aed',
  NEXT_STAGE: '#5b21b6',
  HAS_COMMAND: '#1e40af',
  HAS_FLAG: '#0369a1',
  SENDS_SIGNAL: '#dc2626',
  PAIRS_WELL_WITH: '#db2777',
  COVERS: '#475569',
};

export const FALLBACK_COLOR = '#475569';

/** Relations that read the same both ways are drawn without an arrow head. */
export const SYMMETRIC_RELATIONS = new Set(['ALTERNATIVE_TO', 'CONTRASTS_WITH', 'PAIRS_WELL_WITH', 'OVERLAPS_WITH']);

/** The learn-first ladder: an order of study, drawn lightly so the facts about the technology stand out. */
export const LEARNING_ORDER = 'LEARN_AFTER';

export interface KindStyle {
  color: string;
  /** A cytoscape node shape; the shape is a second cue next to the colour. */
  shape: string;
}

export const KIND_STYLES: Record<string, KindStyle> = {
  TOPIC: { color: '#334155', shape: 'round-rectangle' },
  TECHNOLOGY: { color: '#2563eb', shape: 'ellipse' },
  CONCEPT: { color: '#64748b', shape: 'ellipse' },
  COMPONENT: { color: '#0d9488', shape: 'round-rectangle' },
  PRODUCT: { color: '#7c3aed', shape: 'round-pentagon' },
  LIFECYCLE_STAGE: { color: '#ea580c', shape: 'round-hexagon' },
  COMMAND: { color: '#1f2937', shape: 'round-tag' },
  FLAG: { color: '#0369a1', shape: 'round-tag' },
  SIGNAL: { color: '#dc2626', shape: 'round-diamond' },
  MECHANISM: { color: '#0891b2', shape: 'round-octagon' },
  BENEFIT: { color: '#16a34a', shape: 'star' },
  CHARACTERISTIC: { color: '#65a30d', shape: 'round-triangle' },
  PRINCIPLE: { color: '#ca8a04', shape: 'round-rectangle' },
  PRACTICE: { color: '#db2777', shape: 'round-rectangle' },
  ARCHITECTURE: { color: '#9333ea', shape: 'round-octagon' },
};

export const FALLBACK_KIND: KindStyle = { color: '#64748b', shape: 'ellipse' };

export function relationColor(type: string): string {
  return RELATION_COLORS[type] ?? FALLBACK_COLOR;
}

export function kindStyle(kind: string): KindStyle {
  return KIND_STYLES[kind] ?? FALLBACK_KIND;
}

/**
 * Node colours of the progress view, one per learner state. From the Okabe–Ito palette, which stays apart for the
 * common colour-vision deficiencies, darkened where needed so each keeps at least 3:1 against the white canvas. The
 * legend and the concept list name each state in words, so colour is never the only cue.
 */
export const PROGRESS_COLORS: Record<string, string> = {
  NEW: '#8a8a8a',
  LEARNING: '#d55e00',
  REVIEW: '#0072b2',
  MASTERED: '#007a5a',
};

/** The ring around a concept to learn next. */
export const NEXT_COLOR = '#7c3aed';

export function progressColor(state: string): string {
  return PROGRESS_COLORS[state] ?? FALLBACK_COLOR;
}
