// Addresses in the demo wijk. Street names follow each buurt's theme (trees in Lindehof,
// birds in Vogelwijk, the mill in Molenkwartier), as Dutch street naming does. The
// coordinate is given as a place within the buurt's grid cell (u west → east over
// 0..span, v south → north over 0..1) and turned into lon/lat by geometry.ts, which
// checks that it lies strictly inside the buurt.
import type { BuurtKey } from './areas';

export interface LocationSeed {
  key: string;
  name: string;
  street: string;
  houseNumber: string;
  /** PC4 of the buurt + two letters (never SA, SD or SS: PostNL does not issue them). */
  postcode: string;
  buurt: BuurtKey;
  u: number;
  v: number;
  openingHours: string;
}

export const LOCATIONS = [
  { key: 'stadhuis', name: 'Stadhuis Lindeburg', street: 'Raadhuisplein', houseNumber: '1', postcode: '1371AB', buurt: 'oude_kern', u: 0.52, v: 0.45,
    openingHours: 'ma–vr 8.30–17.00, do tot 20.00' },
  { key: 'wijkpunt_oude_kern', name: 'Wijkpunt Oude Kern', street: 'Kerkstraat', houseNumber: '22', postcode: '1371CH', buurt: 'oude_kern', u: 0.38, v: 0.6,
    openingHours: 'ma–vr 9.00–17.00' },
  { key: 'welzijn_markt', name: 'Welzijn Lindeburg, kantoor Markt', street: 'Markt', houseNumber: '8', postcode: '1371AE', buurt: 'oude_kern', u: 0.6, v: 0.55,
    openingHours: 'ma–vr 9.00–16.30' },
  { key: 'hap_oude_kern', name: 'Huisartsenpraktijk Oude Kern', street: 'Dorpsstraat', houseNumber: '61', postcode: '1371BP', buurt: 'oude_kern', u: 0.7, v: 0.3,
    openingHours: 'ma–vr 8.00–17.00' },
  { key: 'wijkcentrum_de_linde', name: 'Wijkcentrum De Linde', street: 'Lindeplein', houseNumber: '4', postcode: '1372CE', buurt: 'lindehof', u: 0.55, v: 0.55,
    openingHours: 'ma–vr 9.00–21.30, za 10.00–16.00' },
  { key: 'gc_lindehof', name: 'Gezondheidscentrum Lindehof', street: 'Eikenlaan', houseNumber: '50', postcode: '1372EK', buurt: 'lindehof', u: 0.35, v: 0.3,
    openingHours: 'ma–vr 8.00–17.00' },
  { key: 'buurthuis_de_molen', name: 'Buurthuis De Molen', street: 'Korenmolen', houseNumber: '12', postcode: '1373GK', buurt: 'molenkwartier', u: 0.45, v: 0.5,
    openingHours: 'ma–vr 9.00–17.00, wo tot 21.00' },
  { key: 'fysio_wiekenweg', name: 'Fysiotherapie Lindeburg-Oost', street: 'Wiekenweg', houseNumber: '7', postcode: '1373TJ', buurt: 'molenkwartier', u: 0.7, v: 0.3,
    openingHours: 'ma–vr 7.30–20.00' },
  { key: 'jongerencentrum_de_loods', name: 'Jongerencentrum De Loods', street: 'Reigerweg', houseNumber: '2a', postcode: '1375RB', buurt: 'vogelwijk', u: 0.65, v: 0.35,
    openingHours: 'di–vr 14.00–22.00, za 13.00–18.00' },
  { key: 'cjg', name: 'Centrum voor Jeugd en Gezin Lindeburg-Oost', street: 'Spreeuwenlaan', houseNumber: '30', postcode: '1374HT', buurt: 'vogelwijk', u: 0.4, v: 0.6,
    openingHours: 'ma–vr 8.30–17.00' },
  { key: 'obs_de_regenboog', name: 'OBS De Regenboog', street: 'Merelstraat', houseNumber: '15', postcode: '1374CV', buurt: 'vogelwijk', u: 0.3, v: 0.3,
    openingHours: 'ma–vr 8.15–15.00 (wo tot 12.15)' },
  { key: 'hap_de_esch', name: 'Huisartsenpraktijk De Esch', street: 'Hooiweide', houseNumber: '3', postcode: '1376BW', buurt: 'de_esch', u: 0.6, v: 0.3,
    openingHours: 'ma–vr 8.00–17.00' },
  { key: 'lindeburg_college', name: 'Lindeburg College', street: 'Eschweg', houseNumber: '100', postcode: '1376ER', buurt: 'de_esch', u: 0.35, v: 0.65,
    openingHours: 'ma–vr 8.00–16.30' },
  { key: 'hap_beekdal', name: 'Huisartsen Beekdal', street: 'Wilgenoever', houseNumber: '18', postcode: '1377KL', buurt: 'beekdal', u: 0.35, v: 0.4,
    openingHours: 'ma–vr 8.00–17.00' },
  { key: 'zorgcentrum_lindewaarde', name: 'Zorgcentrum Lindewaarde', street: 'Oeverlanden', houseNumber: '1', postcode: '1377ZG', buurt: 'beekdal', u: 0.55, v: 0.65,
    openingHours: 'receptie dagelijks 8.00–20.00' },
  { key: 'herstelcentrum_de_brug', name: 'Herstelcentrum De Brug', street: 'Brugstraat', houseNumber: '9', postcode: '1377AR', buurt: 'beekdal', u: 0.25, v: 0.75,
    openingHours: 'ma–vr 10.00–16.00' },
  { key: 'ggz_vaart', name: 'GGZ Polderland, locatie Lindeburg', street: 'Industrieweg', houseNumber: '14', postcode: '1378NC', buurt: 'de_vaart', u: 0.4, v: 0.55,
    openingHours: 'ma–vr 8.30–17.00' },
  { key: 'kompas_vaartweg', name: 'Kompas Jeugdhulp', street: 'Vaartweg', houseNumber: '88', postcode: '1378PM', buurt: 'de_vaart', u: 0.75, v: 0.4,
    openingHours: 'ma–vr 8.30–17.00' },
  { key: 'lindewonen_kantoor', name: 'Lindewonen klantenkantoor', street: 'Havenstraat', houseNumber: '3', postcode: '1379HA', buurt: 'de_vaart', u: 1.3, v: 0.6,
    openingHours: 'ma–do 9.00–16.00, vr 9.00–12.00' },
  { key: 'politiebureau', name: 'Politiebureau Lindeburg', street: 'Lichterstraat', houseNumber: '20', postcode: '1379LE', buurt: 'de_vaart', u: 1.6, v: 0.35,
    openingHours: 'ma–vr 9.00–17.00 (op afspraak)' },
] as const satisfies readonly LocationSeed[];

export type LocationKey = (typeof LOCATIONS)[number]['key'];
