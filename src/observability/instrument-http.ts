import type { AxiosInstance, InternalAxiosRequestConfig } from 'axios';
import type { Histogram } from 'prom-client';

const STARTED = Symbol('startedAt');
type Timed = InternalAxiosRequestConfig & { [STARTED]?: number };

/**
 * Times every call of an axios client into a histogram labelled by path and outcome (`ok`, `http_<status>`,
 * `error`): the CSS API's latency, whichever endpoint a machine used.
 *
 * @example
 * instrumentHttp(cssClient, metrics.cssSeconds);
 */
export function instrumentHttp(client: AxiosInstance, histogram: Histogram<'endpoint' | 'outcome'>): void {
  const observe = (config: Timed | undefined, outcome: string) => {
    const started = config?.[STARTED];
    if (started === undefined) return;
    histogram.observe({ endpoint: config?.url ?? '', outcome }, (performance.now() - started) / 1000);
  };
  client.interceptors.request.use((config: Timed) => {
    config[STARTED] = performance.now();
    return config;
  });
  client.interceptors.response.use(
    (response) => {
      observe(response.config, 'ok');
      return response;
    },
    (error: { config?: Timed; response?: { status: number } }) => {
      observe(error.config, error.response ? `http_${error.response.status}` : 'error');
      return Promise.reject(error);
    },
  );
}
