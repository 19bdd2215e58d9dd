// work.go: the only file you edit in this exercise.
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
		callCtx, cancel := context.WithTimeout(ctx, callTimeout)
		defer cancel()

		p, err := svc.Quote(callCtx, sku)
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
