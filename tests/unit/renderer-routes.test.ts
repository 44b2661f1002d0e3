import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE, PAGE_KEYS, hrefFor, parseHashRoute, parseRouteParam } from '../../renderer/src/routing/routes.js';

describe('hash routes', () => {
  it('has exactly the navigation entries of the product, in order', () => {
    expect(PAGE_KEYS).toEqual([
      'dashboard',
      'clients',
      'segments',
      'managers',
      'assignment',
      'coverage',
      'handover',
      'targets',
      'tasks',
      'worklog',
      'evaluation',
      'reports',
      'templates',
      'package',
      'import',
      'settings',
    ]);
  });

  it('round-trips every page through its href', () => {
    for (const page of PAGE_KEYS) expect(parseHashRoute(hrefFor(page))).toBe(page);
  });

  it.each([
    ['#/clients', 'clients'],
    ['#/clients/', 'clients'],
    ['#/clients?search=abc', 'clients'],
    ['#/managers&x=1', 'managers'],
    ['/settings', 'settings'],
  ])('reads %s as %s', (hash, page) => {
    expect(parseHashRoute(hash)).toBe(page);
  });

  it.each(['', '#', '#/', '#/nope', '#clients', '#token=abc', '#/Clients', '#//clients'])(
    'falls back to the dashboard for %j',
    (hash) => {
      expect(parseHashRoute(hash)).toBe(DEFAULT_PAGE);
    },
  );

  it('carries a parameter after the page: a client, an org unit', () => {
    expect(hrefFor('clients', 123)).toBe('#/clients/123');
    expect(parseHashRoute('#/clients/123')).toBe('clients');
    expect(parseRouteParam('#/clients/123')).toBe('123');
    expect(parseRouteParam('#/managers/7?x=1')).toBe('7');
    expect(parseRouteParam(hrefFor('clients', 'A/B'))).toBe('A/B');
    for (const hash of ['#/clients', '#/clients/', '#token=abc', '']) expect(parseRouteParam(hash)).toBeNull();
  });
});
