import { personName } from './person-name';

describe('personName: 摘要(二) as the member the per-person caps sum for', () => {
  it.each([
    ['王小明', '王小明', false],
    ['王小明(颱風)', '王小明', true],
    ['王小明（颱風）', '王小明', true],
    ['王小明【颱風】', '王小明', true],
    ['王小明(颱風', '王小明', true], // a note cut off before its closing bracket
    ['王 小明', '王小明', false],
    ['(王小明)', '王小明', false], // nothing outside the brackets: its words are the name
  ] as const)('%s counts for %s', (note, key, annotated) => {
    expect(personName(note)).toMatchObject({ key, annotated });
  });
});
