package shouwang.kit.testapp;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
public class Note extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "note_key")
    public String key;
    public String body;
}
