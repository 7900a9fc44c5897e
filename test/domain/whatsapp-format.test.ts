import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { toWhatsApp } from '../../src/domain/whatsapp-format.js';

describe('toWhatsApp: the CSS API’s Markdown as WhatsApp formatting', () => {
  it.each([
    ['bold', '**Montant** et __total__', '*Montant* et *total*'],
    ['italics', '*50 000 FCFA* et _net_', '_50 000 FCFA_ et _net_'],
    ['struck', '~~ancien taux~~', '~ancien taux~'],
    ['a heading, as a bold line', '### Allocations familiales', '*Allocations familiales*'],
    ['a heading already bold', '## **Titre**', '*Titre*'],
    ['a bulleted list, nested', '- un\n- deux\n  - sous-point', '• un\n• deux\n   ◦ sous-point'],
    ['a numbered list', '1. Déclarer\n2. Payer', '1. Déclarer\n2. Payer'],
    ['a link, as text then address', 'Voir [le formulaire](https://secusociale.sn/form_a.pdf).', 'Voir le formulaire (https://secusociale.sn/form_a.pdf).'],
    ['a link whose text is its address', '[https://secusociale.sn](https://secusociale.sn)', 'https://secusociale.sn'],
    ['an autolink', 'Voir <https://secusociale.sn>', 'Voir https://secusociale.sn'],
    ['an e-mail link', '[écrire](mailto:info@secusociale.sn)', 'écrire (info@secusociale.sn)'],
    ['a table, header in bold then one line per row', '| Prestation | Montant |\n|---|---|\n| Allocations | 3 000 F |', '*Prestation — Montant*\n• Allocations — 3 000 F'],
    ['inline code, as plain text', 'Tapez `menu`', 'Tapez menu'],
    ['a code block, as monospace', '```\nCODE 123\n```', '```\nCODE 123\n```'],
    ['a rule and HTML line breaks', 'avant\n\n---\n\naprès<br>suite', 'avant\n\naprès\nsuite'],
    ['a quote', '> Article 5', '> Article 5'],
    ['blank lines, at most one in a row', 'Un.\n\n\n\nDeux.', 'Un.\n\nDeux.'],
  ])('turns %s into WhatsApp formatting', (_case, markdown, whatsapp) => {
    expect(toWhatsApp(markdown)).toBe(whatsapp);
  });

  it('leaves plain French text as it is, underscores in words and lone stars too', () => {
    const plain = 'Le taux est de 7 % : l’employeur paie. 10 000 FCFA ? Oui ! snake_case et 2 * 3 = 6';
    expect(toWhatsApp(plain)).toBe(plain);
  });

  it('reads a whole CSS-like answer', () => {
    const answer = [
      '### Allocations familiales',
      '',
      '**Qui y a droit ?** Les salariés ayant des enfants à charge.',
      '',
      '- **Montant** : *3 000 FCFA* par enfant et par mois',
      '- Versées **chaque trimestre**',
      '',
      'Plus d’informations : [site de la CSS](https://www.secusociale.sn).',
    ].join('\n');
    expect(toWhatsApp(answer)).toBe(
      '*Allocations familiales*\n\n*Qui y a droit ?* Les salariés ayant des enfants à charge.\n\n' +
        '• *Montant* : _3 000 FCFA_ par enfant et par mois\n• Versées *chaque trimestre*\n\n' +
        'Plus d’informations : site de la CSS (https://www.secusociale.sn).',
    );
  });

  it('never throws on any text, and gives back plain prose unchanged', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => typeof toWhatsApp(text) === 'string'));
    const word = fc.stringMatching(/^[a-zàâçéèêëîïôûù0-9’]{1,12}$/);
    const prose = fc.array(fc.tuple(word, fc.constantFrom(' ', ', ', ' ? ', ' : ', '. ')), { minLength: 1, maxLength: 40 })
      .map((pairs) => pairs.map(([w, sep]) => w + sep).join('').trim());
    fc.assert(fc.property(prose, (text) => expect(toWhatsApp(text)).toBe(text)));
  });
});
