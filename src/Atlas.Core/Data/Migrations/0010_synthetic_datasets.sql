-- Marks a database filled by the synthetic data generator (Synthetic/SyntheticAtlas.cs): the generator replaces the
-- records of a database that carries this mark, and refuses to touch one holding records without it unless forced.
CREATE TABLE synthetic_datasets (
    id integer NOT NULL,
    seed integer NOT NULL,
    scale double precision NOT NULL,
    generated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_synthetic_datasets PRIMARY KEY (id),
    CONSTRAINT ck_synthetic_datasets_singleton CHECK (id = 1)
);
