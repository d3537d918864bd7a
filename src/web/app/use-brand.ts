import { useQuery } from '@tanstack/react-query';
import { api } from './api-client.ts';

export type Brand = { name: string; logoUrl: string | null };

/** The cooperative's name and logo (public: the log-in page shows them too). */
export function useBrand() {
  return useQuery({
    queryKey: ['brand'],
    queryFn: () => api<Brand>('GET', '/cooperative/brand'),
    staleTime: 5 * 60_000,
  });
}
