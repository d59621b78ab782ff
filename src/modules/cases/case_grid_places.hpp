#pragma once
// Cases counted inside a community grid (community/grids/grid_places.hpp, ADR 0034): a case is placed by its
// coordinates (place_lon, place_lat) when it has them, else by its place text when that is exactly a standard
// address's full name (the address's grid); the rest of the grid's unit's cases cannot be placed and are counted
// as such. Register once at start (idempotent).
namespace jw::cases {
void RegisterCaseGridPlaces();
}
