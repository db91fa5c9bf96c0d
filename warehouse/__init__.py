"""Operations on a built warehouse: the build report, publishing for BI, validation, benchmarks."""
