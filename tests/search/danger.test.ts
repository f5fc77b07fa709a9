// The danger vocabulary against the ways people say it (and ordinary searches that must
// not raise an alarm), and the crisis block each kind of danger answers with.
import { describe, expect, it } from 'vitest';
import { crisisFor, crisisForQuery, crisisForTopic, dangerIn } from '../../server/search/search.crisis';
import { DANGER } from '../../server/search/search.danger';
import { Crisis } from '../../server/search/search.schemas';

const SIGNALS: ReadonlyArray<[string, string]> = [
  // suicide and self-harm
  ['ik wil dood', 'suicide'],
  ['Ik wil dood.', 'suicide'],
  ['ik wil echt dood', 'suicide'],
  ['ik zie het niet meer zitten', 'suicide'],
  ['ik zie het niet meer ziten', 'suicide'], // a typo
  ['ik wil er niet meer zijn', 'suicide'],
  ['ik wil niet meer leven', 'suicide'],
  ['zelfmoord', 'suicide'],
  ['zelfmoordgedachten', 'suicide'],
  ['zelfmord', 'suicide'], // a typo
  ['suïcide', 'suicide'],
  ['suicidaal', 'suicide'],
  ['mezelf snijden', 'suicide'],
  ['ik snij mezelf', 'suicide'],
  ['ik wil er een eind aan maken', 'suicide'],
  ['geen zin meer in het leven', 'suicide'],
  ['I want to die', 'suicide'],
  // domestic violence and child abuse
  ['mijn vriend slaat me', 'violence'],
  ['mijn man slaat me', 'violence'],
  ['mijn vader slaat mij', 'violence'],
  ['ik word thuis geslagen', 'violence'],
  ['ik maak me zorgen over het kind van de buren', 'violence'],
  ['kindermishandeling', 'violence'],
  ['kindermishandleing', 'violence'], // a typo
  ['ik ben bang voor mijn partner', 'violence'],
  ['huiselijk geweld', 'violence'],
  ['huiselijk gewelt', 'violence'], // a typo
  ['mijn moeder wordt mishandeld', 'violence'],
  ['durf niet naar huis', 'violence'],
  // acute danger and acute psychiatric crisis
  ['hij heeft een mes', 'emergency'],
  ['iemand is bewusteloos', 'emergency'],
  ['mijn broer heeft een psychose', 'psychiatric'],
  ['psychische crisis', 'psychiatric'],
];

const ORDINARY: readonly string[] = [
  'dood hout', 'slaapproblemen', 'mijn man slaapt slecht', 'doodmoe', 'de klok slaat', 'schulden', 'geldzorgen',
  'mijn kind wordt gepest', 'ruzie met de buren', 'de buren maken lawaai', 'ik word gek van de buren',
  'verwaarloosde tuin', 'groente snijden', 'huisarts', 'mijn zoon blowt', 'gokken', 'autisme', 'scheiden',
  'somber', 'eenzaam', 'hulp bij de aangifte', 'ik wil een uitkering', 'zorgen over mijn kind', 'brandweer',
  'ik wil niet meer naar school', 'kinderopvang', 'wijkteam', 'zelfstandig wonen', 'doodgewoon', 'mishap',
];

describe('danger vocabulary', () => {
  it('has at least 30 phrasings to check, both ways', () => {
    expect(SIGNALS.length + ORDINARY.length).toBeGreaterThanOrEqual(60);
  });

  it.each(SIGNALS)('"%s" signals %s', (q, kind) => {
    expect(dangerIn(q)).toContain(kind);
  });

  it.each(ORDINARY.map((q) => [q]))('"%s" raises no alarm', (q) => {
    expect(dangerIn(q)).toEqual([]);
    expect(crisisForQuery(q)).toBeUndefined();
  });

  it('no phrase is empty after normalisation, and every phrase signals its own kind', () => {
    for (const category of DANGER) {
      for (const phrase of category.phrases) {
        const written = phrase.replace(/\*/g, '').replace(/…/g, 'x');
        expect(dangerIn(written), phrase).toContain(category.kind);
      }
    }
  });
});

describe('crisis block', () => {
  it('answers suicide with 113 and the free 0800-0113 first, each with a tel: link and plain words', () => {
    const crisis = crisisForQuery('ik wil dood')!;
    expect(Crisis.parse(crisis)).toEqual(crisis);
    expect(crisis.lines.slice(0, 2).map((l) => [l.number, l.tel])).toEqual([['113', 'tel:113'], ['0800-0113', 'tel:08000113']]);
    expect(crisis.lines[0]!.text.nl).toMatch(/113\.nl/);
    expect(crisis.lines[1]!.when.nl).toMatch(/gratis/);
  });

  it('answers violence with Veilig Thuis (0800-2000, dag en nacht, gratis, anoniem) and 112', () => {
    const crisis = crisisForQuery('mijn vriend slaat me')!;
    expect(crisis.signals).toEqual(['violence']);
    expect(crisis.lines.map((l) => l.tel)).toEqual(['tel:08002000', 'tel:112']);
    expect(crisis.lines[0]!.when.nl).toMatch(/dag en nacht.*gratis.*anoniem/i);
  });

  it('answers a psychiatric crisis with the huisarts/huisartsenpost first, then 113 and 112', () => {
    const crisis = crisisFor(['psychiatric'])!;
    expect(crisis.lines.map((l) => l.key)).toEqual(['gp_out_of_hours', 'suicide_113', 'emergency_112']);
    expect(crisis.lines[0]!.number).toBeNull();
  });

  it('lists each line once when several kinds are signalled, most urgent kind first', () => {
    const crisis = crisisForQuery('mijn man slaat me en ik wil dood')!;
    expect(crisis.signals).toEqual(['suicide', 'violence']);
    const keys = crisis.lines.map((l) => l.key);
    expect(keys).toEqual([...new Set(keys)]);
    expect(keys.slice(0, 2)).toEqual(['suicide_113', 'suicide_0800_0113']);
    expect(keys).toContain('veilig_thuis');
  });

  it('comes with topics that signal danger, not with others', () => {
    expect(crisisForTopic('domestic_violence')!.lines[0]!.key).toBe('veilig_thuis');
    expect(crisisForTopic('crisis')!.lines.map((l) => l.key)).toEqual(expect.arrayContaining(['emergency_112', 'suicide_113', 'veilig_thuis']));
    expect(crisisForTopic('debts')).toBeUndefined();
  });
});
