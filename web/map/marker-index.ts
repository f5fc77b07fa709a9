// Supercluster over team locations: [lon,lat] points in, clusters or single points out.
import Supercluster from 'supercluster';

export interface MarkerPoint { lat: number; lon: number; teamId: string; type: string; name: string; locationId: string }
export type Clustered =
  | { cluster: true; lat: number; lon: number; count: number; clusterId: number }
  | { cluster: false; point: MarkerPoint; index: number };

type Props = { i: number };

export class MarkerIndex {
  private sc = new Supercluster<Props, { [k: string]: unknown }>({ radius: 56, maxZoom: 17, minPoints: 2 });
  private points: MarkerPoint[] = [];

  load(points: MarkerPoint[]): void {
    this.points = points;
    this.sc = new Supercluster<Props, { [k: string]: unknown }>({ radius: 56, maxZoom: 17, minPoints: 2 });
    this.sc.load(points.map((p, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } })));
  }

  clusters(bbox: [number, number, number, number], zoom: number): Clustered[] {
    if (!this.points.length) return [];
    return this.sc.getClusters(bbox, zoom).map((f) => {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      const p = f.properties as { cluster?: boolean; cluster_id?: number; point_count?: number; i?: number };
      if (p.cluster) return { cluster: true, lat, lon, count: p.point_count ?? 0, clusterId: p.cluster_id ?? 0 };
      return { cluster: false, point: this.points[p.i ?? 0]!, index: p.i ?? 0 };
    });
  }

  expansionZoom(clusterId: number): number {
    return this.sc.getClusterExpansionZoom(clusterId);
  }
}
