// One error type for "the geocoder could not answer", whatever the reason, so the route
// can turn it into a fast 503 (or a postcode approximation) without guessing. Messages
// never contain the address or the request URL: they may end up in a log.
import { HttpError } from '../http/errors';

type GeocoderFailure = 'not_configured' | 'timeout' | 'unreachable' | 'http_status' | 'bad_response';

export class GeocoderError extends Error {
  constructor(
    readonly reason: GeocoderFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'GeocoderError';
  }
}

/** The 503 the API answers when an address can't be geocoded right now. */
export function geocoderUnavailable(error: GeocoderError): HttpError {
  return new HttpError(503, 'geocoder_unavailable',
    'De adreszoeker (PDOK Locatieserver) is even niet bereikbaar. Zoek op postcode en huisnummer of probeer het later opnieuw.',
    [{ message: error.message, reason: error.reason, ...(error.status ? { status: error.status } : {}) }]);
}
