// work.go: reference solution.
package main

import (
	"context"
	"errors"
	"fmt"
)

// refreshPrices asks the pricing service for the current price of every
// SKU. Each call gets its own deadline (callTimeout), so that one slow
// answer cannot hold up the whole refresh, and the refresh as a whole still
// stops when ctx is done. SKUs the service does not know are left out.
func refreshPrices(ctx context.Context, svc *PriceService, skus []string) (map[string]int64, error) {
	prices := make(map[string]int64, len(skus))
	for _, sku := range skus {
		p, err := quote(ctx, svc, sku)
		if errors.Is(err, ErrUnknownSKU) {
			continue
		}
		if err != nil {
			return prices, fmt.Errorf("quote %s: %w", sku, err)
		}
		prices[sku] = p
	}
	return prices, nil
}

// quote makes one call under its own deadline. The deferred cancel runs
// when quote returns: the call's context is detached from ctx and its timer
// stopped right after the call, not when the whole refresh is over.
func quote(ctx context.Context, svc *PriceService, sku string) (int64, error) {
	callCtx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	return svc.Quote(callCtx, sku)
}
