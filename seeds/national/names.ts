// Made-up but Dutch-sounding names: places from syllables, people from common names.
// None of them needs to exist; they need to look and search like the real thing.
import type { Prng } from './random';

const PLACE_HEADS = ['Al', 'Bors', 'Dal', 'Eem', 'Gel', 'Hol', 'Kam', 'Lin', 'Mer', 'Nij', 'Oos', 'Rijn', 'Sche', 'Ter',
  'Vee', 'Wes', 'Zui', 'Berg', 'Hoog', 'Laag', 'Brak', 'Ees', 'Gra', 'Haar', 'Ijs', 'Kool', 'Loo', 'Moer', 'Olde', 'Put'];
const PLACE_TAILS = ['dam', 'dijk', 'veen', 'broek', 'hoven', 'horst', 'wijk', 'recht', 'drecht', 'mond', 'stein', 'lo',
  'hem', 'kerk', 'zijl', 'wold', 'donk', 'rode', 'beek', 'meer', 'sloot', 'woude', 'burg', 'gaard', 'schoten', 'huizen'];
const QUARTERS = ['Noord', 'Zuid', 'Oost', 'West', 'Centrum', 'Dorp', 'Haven', 'Park', 'Polder', 'Akkers', 'Hof', 'Kern',
  'Molenwijk', 'Bloemenbuurt', 'Vogelwijk', 'Schildersbuurt', 'Stationsbuurt', 'Kanaalzone', 'Veld', 'Weide'];
const NOUNS = ['Linde', 'Eik', 'Regenboog', 'Klimop', 'Zonnebloem', 'Brug', 'Molen', 'Horizon', 'Kompas', 'Vlinder',
  'Parel', 'Baken', 'Wissel', 'Sterrenhof', 'Meander', 'Ankers', 'Kiem', 'Kroon', 'Lantaarn', 'Driehoek'];
const GIVEN = ['Anna', 'Daan', 'Emma', 'Lucas', 'Sophie', 'Sem', 'Julia', 'Noah', 'Fleur', 'Milan', 'Sanne', 'Bram', 'Lotte',
  'Thijs', 'Iris', 'Jesse', 'Fatima', 'Mohamed', 'Yusuf', 'Ayşe', 'Priya', 'Kofi', 'Marieke', 'Joost', 'Ingrid', 'Henk',
  'Anouk', 'Ruben', 'Naima', 'Sven', 'Zoë', 'Chloé', 'René', 'Gerda', 'Wim', 'Esra', 'Karin', 'Pieter', 'Lieke', 'Bas'];
const FAMILY = ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer',
  'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit',
  'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'Kok', 'Jacobs', 'van der Linden', 'Yılmaz', 'El Amrani', 'Öztürk',
  'Bouzid', 'Postma', 'Wolters', 'Schouten', 'Verhoeven', 'Kuipers', 'Groen', 'Martina', 'Ramdin'];
const STREETS = ['Kerkstraat', 'Molenweg', 'Dorpsstraat', 'Stationsplein', 'Lindelaan', 'Schoolstraat', 'Marktplein',
  'Beukenlaan', 'Julianastraat', 'Wilhelminaweg', 'Parkweg', 'Havenkade', 'Spoorlaan', 'Kastanjelaan', 'Nieuwstraat'];

export const placeName = (r: Prng) => `${r.pick(PLACE_HEADS)}${r.pick(PLACE_TAILS)}`;
export const quarterName = (r: Prng, place: string) => (r.next() < 0.5 ? `${place}-${r.pick(QUARTERS)}` : r.pick(QUARTERS));
export const nounName = (r: Prng) => `De ${r.pick(NOUNS)}`;
export const givenName = (r: Prng) => r.pick(GIVEN);
export const familyName = (r: Prng) => r.pick(FAMILY);
export const streetName = (r: Prng) => r.pick(STREETS);
