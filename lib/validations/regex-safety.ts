import { RegExpParser, type AST } from '@eslint-community/regexpp';

// Refuses the regular expressions that a backtracking engine (JavaScript's, and most others) can
// take exponential time on: a repeat inside a repeat that can split the same text in many ways
// ((a+)+, (\w+\s?)*, (.*a){20}), and alternatives inside a repeat that can start with the same
// character ((a|a)*, (\w|\d)+). Patterns as people write them for measurement values pass:
// ^acme-.*$, [0-9]{3}, us-(east|west)-\d, us(-\d+)?, (\d+\.){3}\d+ (the "." cannot be a digit, so
// each repeat is split one way only).
//
// Built on ESLint's regular expression parser (browser-safe, ~14 kB gzipped); the detectors that
// analyse automata (scslre, recheck) weigh 250 kB to megabytes, too much for the form page. This
// is a check on the shape, not a proof: the "Try a value" box also runs each pattern in a worker
// with a time limit, and the server never runs a mapping's pattern.

const parser = new RegExpParser({ ecmaVersion: 2025 });

type Atom = AST.Character | AST.CharacterSet | AST.CharacterClass | AST.ExpressionCharacterClass;
type Node = AST.Element | AST.Alternative;

/** Characters tried when asking whether two character atoms can match the same character. */
const SAMPLE_CODE_POINTS = [
  ...Array.from({ length: 128 }, (_, i) => i),
  0xa0,
  0xe9,
  0x3b1,
  0x430,
  0x4e00,
  0x2028,
  0x3000,
  0xfeff,
  0x1f600,
];

const SAMPLES = SAMPLE_CODE_POINTS.map((cp) => String.fromCodePoint(cp));

/** An atom, ready to compare: which sample characters it matches, and the characters it names. */
interface Matcher {
  test: (c: string) => boolean;
  /** Bit i: matches SAMPLES[i]. */
  samples: Uint32Array;
  own: string[];
}

const matchers = new WeakMap<Atom, Matcher>();
function matcher(atom: Atom): Matcher {
  let m = matchers.get(atom);
  if (!m) {
    const re = new RegExp(`^(?:${atom.raw})$`, 'u');
    const seen = new Map<string, boolean>();
    const test = (c: string) => {
      let hit = seen.get(c);
      if (hit === undefined) seen.set(c, (hit = re.test(c)));
      return hit;
    };
    const own = codePointsOf(atom)
      .filter((cp) => cp >= 0 && cp <= 0x10ffff)
      .map((cp) => String.fromCodePoint(cp));
    const samples = new Uint32Array(Math.ceil(SAMPLES.length / 32));
    SAMPLES.forEach((c, i) => {
      if (test(c)) samples[i >> 5]! |= 1 << (i & 31);
    });
    m = { test, samples, own };
    matchers.set(atom, m);
  }
  return m;
}

function codePointsOf(atom: Atom): number[] {
  if (atom.type === 'Character') return [atom.value];
  if (atom.type === 'CharacterClass') {
    return atom.elements.flatMap((e) =>
      e.type === 'Character'
        ? [e.value]
        : e.type === 'CharacterClassRange'
          ? [e.min.value, e.max.value, e.min.value - 1, e.max.value + 1]
          : [],
    );
  }
  return [];
}

/** Can some character match both atoms? ("ANY" stands for what we cannot tell: yes.) */
function overlap(a: Atom | 'ANY', b: Atom | 'ANY'): boolean {
  if (a === 'ANY' || b === 'ANY') return true;
  const [ma, mb] = [matcher(a), matcher(b)];
  return (
    ma.samples.some((bits, i) => (bits & mb.samples[i]!) !== 0) ||
    ma.own.some((c) => mb.test(c) && ma.test(c)) ||
    mb.own.some((c) => ma.test(c) && mb.test(c))
  );
}

const anyOverlap = (as: (Atom | 'ANY')[], bs: (Atom | 'ANY')[]) => as.some((a) => bs.some((b) => overlap(a, b)));

/** The atoms that can match the first character of a sequence, and whether it can match nothing. */
function firstAtoms(elements: readonly AST.Element[]): { atoms: (Atom | 'ANY')[]; nullable: boolean } {
  const atoms: (Atom | 'ANY')[] = [];
  for (const e of elements) {
    switch (e.type) {
      case 'Character':
      case 'CharacterSet':
      case 'CharacterClass':
      case 'ExpressionCharacterClass':
        atoms.push(e);
        return { atoms, nullable: false };
      case 'Assertion':
        continue; // matches no character
      case 'Backreference':
        atoms.push('ANY');
        continue;
      case 'Group':
      case 'CapturingGroup': {
        const alternatives = e.alternatives.map((alt) => firstAtoms(alt.elements));
        atoms.push(...alternatives.flatMap((a) => a.atoms));
        if (!alternatives.some((a) => a.nullable)) return { atoms, nullable: false };
        continue;
      }
      case 'Quantifier': {
        const inner = firstAtoms([e.element]);
        atoms.push(...inner.atoms);
        if (e.min > 0 && !inner.nullable) return { atoms, nullable: false };
        continue;
      }
    }
  }
  return { atoms, nullable: true };
}

/** Every character atom anywhere under a node. */
function allAtoms(node: Node): (Atom | 'ANY')[] {
  switch (node.type) {
    case 'Character':
    case 'CharacterSet':
    case 'CharacterClass':
    case 'ExpressionCharacterClass':
      return [node];
    case 'Backreference':
      return ['ANY'];
    case 'Assertion':
      return node.kind === 'lookahead' || node.kind === 'lookbehind'
        ? node.alternatives.flatMap((alt) => allAtoms(alt))
        : [];
    case 'Alternative':
      return node.elements.flatMap((e) => allAtoms(e));
    case 'Group':
    case 'CapturingGroup':
      return node.alternatives.flatMap((alt) => allAtoms(alt));
    case 'Quantifier':
      return allAtoms(node.element);
  }
}

/** Every node under (and including) a node, depth first. */
function* descendants(node: Node): Generator<Node> {
  yield node;
  if (node.type === 'Alternative') for (const e of node.elements) yield* descendants(e);
  else if (node.type === 'Group' || node.type === 'CapturingGroup') {
    for (const alt of node.alternatives) yield* descendants(alt);
  } else if (node.type === 'Assertion' && (node.kind === 'lookahead' || node.kind === 'lookbehind')) {
    for (const alt of node.alternatives) yield* descendants(alt);
  } else if (node.type === 'Quantifier') yield* descendants(node.element);
}

/** Characters that every pass through the repeated element must match, in its top-level sequence. */
function mandatoryAtoms(element: AST.QuantifiableElement): Atom[] {
  const sequence =
    (element.type === 'Group' || element.type === 'CapturingGroup') && element.alternatives.length === 1
      ? element.alternatives[0]!.elements
      : [element];
  return sequence.filter(
    (e): e is Atom =>
      e.type === 'Character' ||
      e.type === 'CharacterSet' ||
      e.type === 'CharacterClass' ||
      e.type === 'ExpressionCharacterClass',
  );
}

/** Past this many repeats, a row of optional ones (a?a?a?…aaa) takes 2ⁿ steps without any nesting. */
export const MAX_REPEATS = 20;

const NESTED =
  'This pattern repeats a repeat that can split the same text in many ways (like (a+)+), which can take ' +
  'hours on some values. Write it without the inner repeat, or put a character between the repeats ' +
  'that the inner one cannot match (like (\\d+\\.)+).';
const AMBIGUOUS =
  'This pattern repeats alternatives that can start with the same character (like (a|ab)*), which can take ' +
  'hours on some values. Make each alternative start differently, or use a character class.';

/**
 * Why a (compilable) regular expression is refused as too slow to run on some values, or null
 * when it is accepted. The pattern is read as with the `u` flag.
 */
export function catastrophicRegexError(source: string): string | null {
  let pattern: AST.Pattern;
  try {
    pattern = parser.parsePattern(source, 0, source.length, { unicode: true });
  } catch {
    return null; // not a pattern at all: the compile check says why
  }
  const nodes = pattern.alternatives.flatMap((alternative) => [...descendants(alternative)]);
  if (nodes.filter((n) => n.type === 'Quantifier').length > MAX_REPEATS) {
    return `Use at most ${MAX_REPEATS} repeats (*, +, ?, {n}) in one pattern: many in a row can take hours on some values.`;
  }
  {
    for (const node of nodes) {
      if (node.type !== 'Quantifier' || node.max < 2) continue;
      for (const inner of descendants(node.element)) {
        if (inner.type === 'Quantifier' && inner.max >= 2) {
          const delimiters = mandatoryAtoms(node.element);
          const innerAtoms = allAtoms(inner.element);
          if (!delimiters.some((d) => !anyOverlap([d], innerAtoms))) return NESTED;
        }
        if ((inner.type === 'Group' || inner.type === 'CapturingGroup') && inner.alternatives.length > 1) {
          const starts = inner.alternatives.map((alt) => firstAtoms(alt.elements));
          for (let i = 0; i < starts.length; i++) {
            for (let j = i + 1; j < starts.length; j++) {
              const [a, b] = [starts[i]!, starts[j]!];
              if (a.nullable || b.nullable || anyOverlap(a.atoms, b.atoms)) return AMBIGUOUS;
            }
          }
        }
      }
    }
  }
  return null;
}
