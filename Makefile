# The two commands of the README: `make run` and `make test`. Everything else is a helper.
.PHONY: run test bench bench-statistics dev setup site build fmt clippy

run:            ## install what is missing, build, migrate, load demo data, serve on :3000
	scripts/run.sh

test:           ## install what is missing and run every gate and test
	scripts/test.sh

bench:          ## measure and write BENCHMARKS.md
	scripts/bench.sh
	scripts/bench_statistics.sh

bench-statistics: ## the statistics over ten million dossiers only (a section of BENCHMARKS.md)
	scripts/bench_statistics.sh

dev:            ## after one `make run`: rebuild the debug server incrementally and serve it
	scripts/dev.sh

setup:
	scripts/setup.sh build

site:
	scripts/build-site.sh

fmt:
	cargo fmt --all
