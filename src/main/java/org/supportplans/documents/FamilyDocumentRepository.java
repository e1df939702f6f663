package org.supportplans.documents;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FamilyDocumentRepository extends JpaRepository<FamilyDocument, Long> {

    List<FamilyDocument> findByCaseIdOrderByIdAsc(String caseId);

    /** Documents whose language is not the family's tag as told (then filtered by base language). */
    @Query("select d from FamilyDocument d where d.language <> d.familyLanguage order by d.id")
    List<FamilyDocument> findNotInFamilyLanguage();
}
