-- Only road level and below lie in a grid (issue 14): counties, townships and communities are areas that the
-- grids divide; the point-in-polygon assignment used to give them the grid their representative point fell in.
UPDATE community_addresses SET grid_id = NULL WHERE level IN ('county', 'township', 'community');
